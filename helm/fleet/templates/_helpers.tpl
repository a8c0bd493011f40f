{{/* Names and labels shared by every template. */}}

{{- define "fleet.name" -}}
{{ .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* <release>-fleet, or just <release> when the release name already contains "fleet". */}}
{{- define "fleet.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "fleet.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/name: {{ include "fleet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Takes (dict "root" $ "name" "tenancy-registry"). */}}
{{- define "fleet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "fleet.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "fleet.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{- define "fleet.secretName" -}}
{{ .Values.existingSecret | default (include "fleet.fullname" .) }}
{{- end }}

{{/*
The container environment of one running service: shared env, the service's env (both through
`tpl`), then shared and per-service secrets from the Secret, then Meilisearch (search) and Keycloak
(the gateway) when enabled. Takes (dict "root" $ "name" .. "svc" ..). Never the schema owner's URL:
only the migration Jobs get that (migrate-jobs.yaml).
*/}}
{{- define "fleet.env" -}}
{{- $root := .root -}}
- name: PLATFORM_DOMAIN
  value: {{ $root.Values.platformDomain | quote }}
- name: PORT
  value: {{ .svc.port | quote }}
{{- with .svc.opsPort }}
- name: OPS_PORT
  value: {{ . | quote }}
- name: OPS_BIND_ADDRESS
  value: "0.0.0.0"
{{- end }}
{{- range $k, $v := $root.Values.env }}
- name: {{ $k }}
  value: {{ tpl (toString $v) $root | quote }}
{{- end }}
{{- range $k, $v := .svc.env }}
- name: {{ $k }}
  value: {{ tpl (toString $v) $root | quote }}
{{- end }}
{{- range $k, $_ := $root.Values.secretEnv }}
- name: {{ $k }}
  valueFrom:
    secretKeyRef:
      name: {{ include "fleet.secretName" $root }}
      key: {{ $k }}
{{- end }}
{{- range $k, $_ := .svc.secretEnv }}
- name: {{ $k }}
  valueFrom:
    secretKeyRef:
      name: {{ include "fleet.secretName" $root }}
      key: {{ $.name }}-{{ $k }}
{{- end }}
{{- /* Optional parts: only when enabled, and only on the service that uses them. */}}
{{- if and $root.Values.meilisearch.enabled (eq .name "search") }}
- name: MEILI_URL
  value: {{ required "meilisearch.url is required when meilisearch.enabled" $root.Values.meilisearch.url | quote }}
- name: MEILI_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "fleet.secretName" $root }}
      key: meilisearch-MEILI_KEY
{{- end }}
{{- if and $root.Values.keycloak.enabled .svc.ingress }}
- name: KEYCLOAK_URL
  value: {{ required "keycloak.url is required when keycloak.enabled" $root.Values.keycloak.url | quote }}
- name: KEYCLOAK_REALM
  value: {{ required "keycloak.realm is required when keycloak.enabled" $root.Values.keycloak.realm | quote }}
{{- with $root.Values.keycloak.issuer }}
- name: KEYCLOAK_ISSUER
  value: {{ . | quote }}
{{- end }}
{{- with $root.Values.keycloak.audience }}
- name: KEYCLOAK_AUDIENCE
  value: {{ . | quote }}
{{- end }}
{{- with $root.Values.keycloak.tenantClaim }}
- name: KEYCLOAK_TENANT_CLAIM
  value: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
What a migration Job gets from its Secret, as YAML (KEY: value): the service's DATABASE_URL and
RELAY_DATABASE_URL (the roles it creates or updates) and its migrate.secretEnv (the schema owner's
MIGRATION_DATABASE_URL). Stored as <service>-migrate-<KEY>. Takes (dict "name" .. "svc" ..).
*/}}
{{- define "fleet.migrateSecretEnv" -}}
{{- $env := merge (dict) (.svc.migrate.secretEnv | default dict) (pick (.svc.secretEnv | default dict) "DATABASE_URL" "RELAY_DATABASE_URL") }}
{{- toYaml $env }}
{{- end }}

{{/* The Secret the migration Jobs read: the operator's existingSecret, or the chart's hook Secret. */}}
{{- define "fleet.migrateSecretName" -}}
{{ .Values.existingSecret | default (printf "%s-migrate" (include "fleet.fullname" .)) }}
{{- end }}

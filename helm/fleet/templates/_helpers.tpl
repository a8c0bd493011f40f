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
The container environment of one service: shared env, the service's env (both through `tpl`),
then shared and per-service secrets from the Secret. Takes (dict "root" $ "name" .. "svc" ..),
with "migrate" true for the migration Job only: then the service's migrate.secretEnv (the schema
owner's MIGRATION_DATABASE_URL) is added. A Deployment never gets it.
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
{{- if and .migrate .svc.migrate }}
{{- range $k, $_ := .svc.migrate.secretEnv }}
- name: {{ $k }}
  valueFrom:
    secretKeyRef:
      name: {{ include "fleet.secretName" $root }}
      key: {{ $.name }}-migrate-{{ $k }}
{{- end }}
{{- end }}
{{- end }}

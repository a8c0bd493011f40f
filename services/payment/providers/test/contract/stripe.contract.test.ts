import { startStripeHarness } from '../support/stripe-harness';
import { describeProviderContract } from './provider-contract';

describeProviderContract('stripe', startStripeHarness);

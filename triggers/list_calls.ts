import { choiceLabel, defineChoicesTrigger, shortTime } from '../lib/choices-trigger';
import { calls } from '../lib/resources';

/** Hidden: fills the Call ID dropdown of Find Call. */
export default defineChoicesTrigger('list_calls', calls, (call) =>
  choiceLabel(call.caller_name, call.phone_number, shortTime(call.timestamp)),
);

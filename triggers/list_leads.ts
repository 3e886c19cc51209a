import { choiceLabel, defineChoicesTrigger, shortTime } from '../lib/choices-trigger';
import { leads } from '../lib/resources';

/** Hidden: fills the Lead ID dropdown of Find Lead. */
export default defineChoicesTrigger('list_leads', leads, (lead) =>
  choiceLabel(lead.name, lead.phone_number, lead.service_needed, shortTime(lead.created_at)),
);

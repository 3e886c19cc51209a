// `npm run lint` checks every relative link in the Markdown files (remark-validate-links): a file or a
// heading that does not exist fails. Offline: no Git remote is read (`repository: false`).
import remarkValidateLinks from 'remark-validate-links';

export default { plugins: [[remarkValidateLinks, { repository: false }]] };

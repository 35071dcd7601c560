// Starts the example service: `npx tsx examples/cds-hooks-service/main.ts`, then
// GET http://127.0.0.1:3000/cds-services.
import { createCdsService } from './server.js';

const port = Number(process.env['PORT'] ?? 3000);
const { server } = createCdsService();
server.listen(port, '127.0.0.1', () => console.log(`CDS Hooks service on http://127.0.0.1:${port}/cds-services`));

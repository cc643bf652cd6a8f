/** The catalog lease protocol against a real Azure Blob server (Azurite). */
import { useAzurite } from '../../test/support/useAzurite.ts';
import { describeCatalogLeaseProtocol } from './catalogLeaseSuite.ts';
import { describeCatalogLeaseFaults } from './catalogLeaseFaultSuite.ts';

const azurite = useAzurite('lease');
const openContainer = () => azurite.openFresh('lakehouse');

describeCatalogLeaseProtocol('Azurite', openContainer);
describeCatalogLeaseFaults('Azurite', openContainer);

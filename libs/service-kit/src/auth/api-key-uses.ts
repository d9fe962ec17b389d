import { LatestActivity } from '../activity/latest-activity';

/**
 * When each API key was last used: the guard notes every authenticated request here, and each app
 * with a keyed API says where the batch goes (client settings writes its table, others send it there).
 */
export abstract class ApiKeyUses extends LatestActivity {}

// Part of `npm run build`: the citizens' site's scripts (see assets.ts).
import { buildPublicAssets } from './assets';

buildPublicAssets();

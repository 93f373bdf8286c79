// engine.html: the hidden iframe that hosts a tutorial page's one engine.
// Its hash names the page's channel: #engine=<id>.
import { parseHash } from './share.js';
import { hostEngine } from './engine-host.js';

const { engine } = parseHash();
if (engine && /^[\w-]+$/.test(engine)) hostEngine(`gradlab-engine:${engine}`);

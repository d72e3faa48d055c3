// The hub as the bench runs it (scripts/build-hub.mjs --bench bundles this into out/bench): the
// probe first, so that it wraps the service and the stores before the hub's command opens them.
import './hub-probe';
import '../src/hub/cli';

// Jest transform: esbuild turns our TypeScript and the ESM-only unified/remark
// packages into CommonJS. Type checking is `npm run typecheck`'s job, not jest's.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: filename.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
};

// Serves DIR/public with webpack-dev-server on 127.0.0.1:PORT, with the devServer options of DIR/webpack.config.js
// (CORS Lens's proxy fix, verbatim). Usage: node run-webpack-dev-server.cjs DIR PORT
const { join } = require('node:path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');

const [dir = '.', port = '0'] = process.argv.slice(2);
const config = require(join(dir, 'webpack.config.js'));
// The rest of a webpack configuration the user already has: an entry to build.
const compiler = webpack({
  mode: 'development',
  context: dir,
  entry: './src/index.js',
  output: { path: join(dir, 'dist') },
  ...config,
});
const server = new WebpackDevServer(
  {
    ...config.devServer,
    // The test's own needs: where to listen, the page to serve, no browser reloads.
    host: '127.0.0.1',
    port: Number(port),
    static: { directory: join(dir, 'public'), watch: false },
    hot: false,
    liveReload: false,
    client: false,
    webSocketServer: false,
  },
  compiler,
);
server.start().catch((error) => {
  console.error(error);
  process.exit(1);
});

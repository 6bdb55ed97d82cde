// An Express API as its developer has it, without CORS; the test pastes CORS Lens's snippet over the marker.
// Usage: node express_app.cjs PORT
const express = require('express');

const app = express();
// CORS_LENS_FIX
const reply = (_req, res) => res.set('X-Request-Id', 'express-42').json({ ok: true });
app.get('/api/items', reply);
app.put('/api/items', reply);
app.delete('/api/items', reply);
app.listen(Number(process.argv[2]), '127.0.0.1');

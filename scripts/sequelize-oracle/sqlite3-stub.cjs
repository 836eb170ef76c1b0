// SPDX-License-Identifier: MIT
// Stands in for the `sqlite3` package, which Sequelize v4's SQLite dialect loads when it is
// constructed. sqlite3 is a native module whose install needs downloads from outside the npm
// registry; the oracle never opens a connection (sequelize.query is stubbed), so an object
// with the shape the connection manager touches is enough.
'use strict';

class Database {
    constructor() {
        throw new Error('sequelize-oracle: the SQLite stub cannot open databases');
    }
}

module.exports = {
    Database,
    OPEN_READWRITE: 2,
    OPEN_CREATE: 4,
    verbose() {
        return module.exports;
    },
};

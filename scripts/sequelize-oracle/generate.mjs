// SPDX-License-Identifier: MIT
// The Sequelize oracle: replays a *.junction.json project in the real Sequelize v4.44.4 and
// prints, as an SQL script, exactly what `sequelize.sync()` would send to the database.
// tests/sql/tst_sequelize_oracle runs that script on a real engine next to Junction's own
// DDL and compares the two catalogs, so Junction is checked against Sequelize itself rather
// than against our reading of it.
//
// Regenerate (needs node and the npm registry; nothing else is downloaded):
//   cd scripts/sequelize-oracle && npm install
//   for p in blog shop; do for d in sqlite postgres mysql; do
//     node generate.mjs ../../resources/examples/$p.junction.json $d > ../../tests/data/sequelize/$p.$d.sql
//   done; done
//   (and the same for ../../tests/data/sequelize/rules.junction.json)
// In general: node generate.mjs FILE sqlite|postgres|mysql > out.sql
//
// No server is needed: `sequelize.query` is replaced by a function that records the SQL and
// answers the few catalog reads sync() makes with "nothing there" (no enum type yet, no
// index yet), which is what a fresh database answers, so sync creates everything. The
// SQLite dialect's native `sqlite3` module is replaced by sqlite3-stub.cjs for the same
// reason (it is never asked to connect).
//
// Output: a comment header, then one line per query sync() sent, in order (CREATE TYPE,
// CREATE TABLE IF NOT EXISTS, CREATE INDEX ...). A line may hold more than one statement:
// Sequelize v4 appends PostgreSQL's COMMENT ON TABLE to the CREATE TABLE text. PostgreSQL
// enum types are named "public"."enum_<table>_<column>" as Sequelize writes them; a reader
// that runs the script in another schema must rewrite that qualifier.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const Sequelize = require('sequelize');
const DataTypes = Sequelize.DataTypes || Sequelize;
const sequelizeVersion = require('sequelize/package.json').version;
if (sequelizeVersion !== '4.44.4')
    throw new Error(`need sequelize 4.44.4, found ${sequelizeVersion} (run npm install here)`);

function usage() {
    process.stderr.write('usage: node generate.mjs FILE.junction.json sqlite|postgres|mysql\n');
    process.exit(2);
}

const [file, dialect] = process.argv.slice(2);
if (!file || !['sqlite', 'postgres', 'mysql'].includes(dialect))
    usage();
const project = JSON.parse(fs.readFileSync(file, 'utf8'));

// ---- types: the format's spelling is Sequelize's, e.g. STRING(320), ENUM('a','b') ----

function parseEnumValues(args, where) {
    const values = [];
    let i = 0;
    const skipSpace = () => { while (i < args.length && /\s/.test(args[i])) ++i; };
    skipSpace();
    while (i < args.length) {
        if (args[i] !== "'")
            throw new Error(`${where}: bad ENUM values ${args}`);
        ++i;
        let value = '';
        for (;;) {
            if (i >= args.length)
                throw new Error(`${where}: unterminated ENUM value in ${args}`);
            if (args[i] === "'") {
                if (args[i + 1] === "'") {
                    value += "'";
                    i += 2;
                    continue;
                }
                ++i;
                break;
            }
            value += args[i++];
        }
        values.push(value);
        skipSpace();
        if (i < args.length) {
            if (args[i] !== ',')
                throw new Error(`${where}: bad ENUM values ${args}`);
            ++i;
            skipSpace();
        }
    }
    return values;
}

const plainTypes = ['STRING', 'CHAR', 'TEXT', 'INTEGER', 'BIGINT', 'SMALLINT', 'FLOAT', 'REAL',
                    'DOUBLE', 'DECIMAL', 'BOOLEAN', 'DATE', 'DATEONLY', 'TIME', 'UUID', 'JSON',
                    'JSONB', 'BLOB', 'ENUM'];

function dataType(text, where) {
    const m = /^\s*([A-Z]+)\s*(?:\((.*)\))?\s*$/s.exec(text);
    if (!m || !plainTypes.includes(m[1]))
        throw new Error(`${where}: unknown type ${text}`);
    const [, name, args] = m;
    const type = DataTypes[name];
    if (name === 'ENUM')
        return type(...parseEnumValues(args ?? '', where));
    if (args === undefined)
        return type;
    const numbers = args.split(',').map(s => Number(s.trim()));
    if (numbers.some(Number.isNaN))
        throw new Error(`${where}: bad arguments in ${text}`);
    return type(...numbers);
}

function defaultValue(value, sequelize) {
    if (value !== null && typeof value === 'object') {
        if (value.fn === 'NOW')
            return DataTypes.NOW;
        if (value.fn === 'UUIDV4')
            return DataTypes.UUIDV4;
        if (typeof value.sql === 'string')
            return sequelize.literal(value.sql);
        throw new Error(`unknown defaultValue ${JSON.stringify(value)}`);
    }
    return value;
}

// Copies only the keys the file holds: Sequelize treats an absent allowNull differently
// from allowNull: true (the FK ON DELETE defaults read it).
function pick(from, keys) {
    const out = {};
    for (const k of keys) {
        if (from[k] !== undefined)
            out[k] = from[k];
    }
    return out;
}

function attribute(a, sequelize, where) {
    const def = pick(a, ['field', 'allowNull', 'primaryKey', 'autoIncrement', 'unique', 'comment']);
    def.type = dataType(a.type, where);
    if (a.defaultValue !== undefined)
        def.defaultValue = defaultValue(a.defaultValue, sequelize);
    return def;
}

function keySpec(key, where) {
    if (key === undefined || typeof key === 'string')
        return key;
    const out = pick(key, ['name', 'allowNull', 'field', 'unique', 'comment']);
    if (key.type !== undefined)
        out.type = dataType(key.type, where);
    return out;
}

// ---- the replay ----

const statements = [];

function stubbedQuery(sql, options = {}) {
    const text = typeof sql === 'string' ? sql : sql.query;
    const P = Sequelize.Promise;
    // PostgreSQL: "is there an enum type already?" (pgListEnums). No: sync creates it.
    if (options.plain)
        return P.resolve(null);
    // PostgreSQL: the OID refresh after creating enum types reads pg_type.
    if (/^SELECT typname, typtype, oid, typarray FROM pg_type/.test(text))
        return P.resolve([{ rows: [] }]);
    // showIndex before addIndex: a fresh table has none.
    if (options.type === Sequelize.QueryTypes.SHOWINDEXES || /^\s*(SELECT|SHOW|PRAGMA)\b/i.test(text))
        return P.resolve([]);
    statements.push(text);
    return P.resolve([[], 0]);
}

const sequelize = new Sequelize('db', 'u', 'p', {
    dialect,
    dialectModulePath: dialect === 'sqlite' ? path.join(here, 'sqlite3-stub.cjs') : undefined,
    define: project.define ?? {},
    logging: false,
    operatorsAliases: false,
});
sequelize.query = stubbedQuery;

const modelOptionKeys = ['tableName', 'timestamps', 'underscored', 'underscoredAll',
                         'freezeTableName', 'paranoid', 'comment'];
const models = {};
for (const [mi, m] of (project.models ?? []).entries()) {
    const attributes = {};
    for (const [ai, a] of (m.attributes ?? []).entries())
        attributes[a.name] = attribute(a, sequelize, `models[${mi}].attributes[${ai}]`);
    const options = pick(m, modelOptionKeys);
    if (m.indexes)
        options.indexes = m.indexes.map(i => pick(i, ['name', 'fields', 'unique']));
    models[m.name] = sequelize.define(m.name, attributes, options);
}

for (const [i, a] of (project.associations ?? []).entries()) {
    const where = `associations[${i}]`;
    const source = models[a.source];
    const target = models[a.target];
    if (!source || !target)
        throw new Error(`${where}: unknown model ${source ? a.target : a.source}`);
    const options = pick(a, ['as', 'targetKey', 'sourceKey', 'constraints', 'onDelete',
                             'onUpdate', 'timestamps']);
    if (a.foreignKey !== undefined)
        options.foreignKey = keySpec(a.foreignKey, `${where}.foreignKey`);
    if (a.otherKey !== undefined)
        options.otherKey = keySpec(a.otherKey, `${where}.otherKey`);
    if (a.through !== undefined) {
        if (typeof a.through === 'string') {
            options.through = a.through;
        } else {
            const through = models[a.through.model];
            if (!through)
                throw new Error(`${where}.through: unknown model ${a.through.model}`);
            options.through = { model: through };
        }
    }
    source[a.type](target, options);
}

await sequelize.sync();

const out = [
    `-- Generated by scripts/sequelize-oracle/generate.mjs with sequelize ${sequelizeVersion}, dialect ${dialect},`,
    `-- from ${path.basename(file)}: the queries sequelize.sync() sends, one per line. Do not edit;`,
    '-- regenerate as described at the top of generate.mjs.',
];
for (const s of statements) {
    if (s.includes('\n'))
        throw new Error(`a statement spans lines, which the one-per-line format cannot hold: ${s}`);
    out.push(s.trim());
}
process.stdout.write(out.join('\n') + '\n');

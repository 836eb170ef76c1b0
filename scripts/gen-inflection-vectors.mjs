// SPDX-License-Identifier: MIT
// Regenerates tests/data/inflection-vectors.tsv from the real `inflection` 1.12.0 package
// (the version Sequelize v4 pins), so tst_inflection checks our C++ port against the
// JavaScript it reproduces rather than against our own reading of it.
//
// Usage (from the repository root; needs node and the npm registry):
//   npm install --prefix /tmp/inflgen inflection@1.12.0
//   node scripts/gen-inflection-vectors.mjs [/tmp/inflgen] > tests/data/inflection-vectors.tsv
//
// Columns: word, plural, singular, underscore (inflection.pluralize / singularize /
// underscore), camelize (Sequelize v4 lib/utils.js camelize, copied below). Sequelize's
// camelize throws on a trailing [-_\s] run; for those words the column holds Junction's
// documented behaviour instead (the run is dropped). Words must not contain tab, newline,
// CR or backslash, so the file needs no escaping.

import { createRequire } from 'node:module';
import path from 'node:path';

const prefix = process.argv[2] ?? '/tmp/inflgen';
const require = createRequire(path.join(path.resolve(prefix), 'noop.js'));
const inflection = require('inflection');
if (require('inflection/package.json').version !== '1.12.0')
    throw new Error('need inflection 1.12.0, found ' + require('inflection/package.json').version);

// Sequelize v4.44.4 lib/utils.js, verbatim.
function sequelizeCamelize(str) {
    return str.trim().replace(/[-_\s]+(.)?/g, (match, c) => c.toUpperCase());
}
function camelize(str) {
    try {
        return sequelizeCamelize(str);
    } catch (e) {
        return sequelizeCamelize(str.trim().replace(/[-_\s]+$/, ''));
    }
}

const words = [];
const seen = new Set();
function add(...ws) {
    for (const w of ws) {
        if (/[\t\n\r\\]/.test(w))
            throw new Error('word needs escaping: ' + JSON.stringify(w));
        if (!seen.has(w)) {
            seen.add(w);
            words.push(w);
        }
    }
}
const capital = (w) => (w ? w[0].toUpperCase() + w.slice(1) : w);

// The vectors of the reference (section 0.1), exactly as written there.
add('User', 'Users', 'Person', 'People', 'Category', 'Categories', 'Status', 'Statuses',
    'Child', 'Children', 'Quiz', 'Quizzes', 'Index', 'Indices', 'Fish', 'Fishes', 'Hero',
    'Heros', 'Heroes', 'Leaf', 'Leafs', 'Leaves', 'Wife', 'Wives', 'Data', 'Datum',
    'Metadata', 'Metadatum', 'Sms', 'Equipment', 'News', 'Species', 'Series', 'Sheep',
    'Software', 'BlogPost', 'BlogPosts', 'URL', 'URLs', 'Goose', 'Geese', 'Foot', 'Feet',
    'Tooth', 'Teeth', 'Octopus', 'Octopi', 'Virus', 'Viri', 'Friends', 'Friend', 'Stuff');

// Lower-case nouns grouped by the rule they exercise; each also goes in capitalised.
const lower = [
    // irregular and rule-specific
    'man', 'woman', 'men', 'women', 'person', 'people', 'child', 'children', 'grandchild',
    'ox', 'oxen', 'oxenfree', 'box', 'axis', 'axes', 'testis', 'testes', 'alias', 'aliases',
    'canvas', 'canvases', 'campus', 'campuses', 'status', 'statuses', 'summons', 'summonses',
    'bus', 'buses', 'busses', 'omnibus', 'buffalo', 'buffaloes', 'tomato', 'tomatoes',
    'potato', 'potatoes', 'medium', 'media', 'datum', 'data', 'stadium', 'stadia',
    'analysis', 'analyses', 'basis', 'bases', 'diagnosis', 'diagnoses', 'parenthesis',
    'parentheses', 'prognosis', 'prognoses', 'synopsis', 'synopses', 'thesis', 'theses',
    'crisis', 'crises', 'hive', 'hives', 'archive', 'archives', 'curve', 'curves',
    'movie', 'movies', 'mouse', 'mice', 'louse', 'lice', 'device', 'devices', 'slice',
    'matrix', 'matrices', 'vertex', 'vertices', 'index', 'indices', 'indexes', 'foot',
    'feet', 'tooth', 'teeth', 'goose', 'geese', 'quiz', 'quizzes', 'whereas', 'whereases',
    'criterion', 'criteria', 'genus', 'genera', 'shoe', 'shoes', 'octopus', 'octopi',
    'octopuses', 'virus', 'viri', 'viruses', 'series', 'species',
    // -us
    'cactus', 'cacti', 'fungus', 'fungi', 'radius', 'radii', 'nucleus', 'focus', 'stimulus',
    'syllabus', 'genius', 'corpus', 'opus', 'census', 'bonus', 'minus', 'plus', 'apparatus',
    'sinus', 'prospectus', 'abacus', 'walrus', 'virtuous', 'census', 'campus',
    // -is, -ix
    'emphasis', 'hypothesis', 'oasis', 'tennis', 'iris', 'chassis', 'trellis', 'mantis',
    'metropolis', 'appendix', 'helix', 'suffix', 'prefix', 'fix', 'mix', 'phoenix', 'radix',
    'unix', 'matrix',
    // -f, -fe, -ves
    'leaf', 'loaf', 'roof', 'proof', 'chief', 'belief', 'cliff', 'staff', 'chef', 'reef',
    'thief', 'scarf', 'dwarf', 'wharf', 'hoof', 'half', 'wolf', 'calf', 'elf', 'shelf',
    'self', 'golf', 'knife', 'wife', 'life', 'strife', 'giraffe', 'safe', 'fife', 'cafe',
    'knives', 'lives', 'halves', 'wolves', 'dwarves', 'wharves', 'scarves', 'waves', 'caves',
    'slaves', 'graves', 'doves', 'gloves', 'loves', 'stoves', 'groves', 'moves', 'sleeves',
    'olives', 'natives', 'drives', 'archives', 'giraffes', 'safes', 'cliffs', 'roofs',
    // -o
    'photo', 'piano', 'hero', 'heroes', 'echo', 'echoes', 'veto', 'torpedo', 'zero', 'cargo',
    'volcano', 'video', 'radio', 'zoo', 'kangaroo', 'logo', 'memo', 'todo', 'demo', 'repo',
    'studio', 'avocado', 'potatoes', 'photos',
    // -ch, -sh, -x, -z, -ss
    'church', 'match', 'branch', 'watch', 'stomach', 'monarch', 'epoch', 'bush', 'dish',
    'wish', 'crash', 'fox', 'tax', 'ax', 'fax', 'buzz', 'fizz', 'waltz', 'topaz', 'blitz',
    'whiz', 'class', 'glass', 'boss', 'address', 'access', 'business', 'process', 'success',
    'classes', 'addresses', 'bosses', 'processes', 'boxes', 'churches', 'dishes', 'taxes',
    // -y
    'city', 'baby', 'party', 'company', 'day', 'key', 'boy', 'toy', 'guy', 'monkey',
    'journey', 'query', 'soliloquy', 'colloquy', 'category', 'country', 'story', 'library',
    'entry', 'survey', 'holiday', 'delivery', 'dependency', 'ally', 'attorney', 'jury',
    'penny', 'policy', 'property', 'reply', 'activity', 'cities', 'queries', 'keys', 'days',
    'soliloquies', 'movies', 'ties', 'pies', 'lies', 'dies',
    // -man and look-alikes
    'human', 'german', 'fireman', 'postman', 'chairman', 'spokesman', 'talisman', 'caiman',
    'ottoman', 'roman', 'shaman', 'batman', 'superman', 'humans', 'germans', 'foremen',
    'firemen', 'omen', 'amen', 'specimen', 'abdomen',
    // -ia, -a, -ium, -um
    'bacteria', 'bacterium', 'militia', 'trivia', 'via', 'pizza', 'formula', 'agenda',
    'quota', 'schema', 'schemata', 'album', 'forum', 'premium', 'museum', 'curriculum',
    'atrium', 'sum', 'drum', 'gum',
    // uncountable (in the list) and look-alikes that are commented out of it
    'advice', 'aircraft', 'equipment', 'information', 'rice', 'money', 'news', 'sheep',
    'software', 'hardware', 'stuff', 'deer', 'fish', 'moose', 'police', 'access', 'art',
    'water', 'wine', 'work', 'gas', 'glass', 'jeans', 'research', 'feedback', 'metadata',
    'knowledge', 'traffic', 'weather', 'chess', 'gallows', 'crossroads', 'measles', 'mumps',
    'physics', 'economics', 'athletics', 'linguistics', 'mathematics', 'ethics', 'flu',
    'series', 'species', 'ice', 'iron', 'help', 'sleep', 'snow', 'soap', 'trust', 'zinc',
    'zoology', 'yoga', 'health', 'music', 'magic', 'logic', 'food', 'fun', 'luck',
    // ordinary model nouns
    'user', 'order', 'product', 'invoice', 'customer', 'comment', 'tag', 'post', 'article',
    'author', 'book', 'review', 'album', 'event', 'ticket', 'session', 'account', 'payment',
    'message', 'notification', 'team', 'member', 'role', 'permission', 'group',
    'organization', 'department', 'employee', 'manager', 'region', 'file', 'folder',
    'document', 'attachment', 'image', 'setting', 'preference', 'log', 'audit',
    'transaction', 'transfer', 'wallet', 'card', 'cart', 'item', 'line', 'shipment',
    'package', 'carrier', 'warehouse', 'stock', 'supplier', 'vendor', 'contract', 'lead',
    'opportunity', 'campaign', 'task', 'project', 'milestone', 'sprint', 'issue', 'label',
    'board', 'column', 'widget', 'sensor', 'reading', 'measurement', 'schedule',
    'appointment', 'patient', 'doctor', 'nurse', 'hospital', 'course', 'lesson', 'student',
    'teacher', 'grade', 'exam', 'answer', 'question', 'response', 'vote', 'poll', 'like',
    'follower', 'friendship', 'block', 'report', 'page', 'section', 'menu', 'recipe',
    'ingredient', 'restaurant', 'reservation', 'flight', 'hotel', 'booking', 'passenger',
    'vehicle', 'driver', 'route', 'stop', 'trip', 'fare', 'users', 'orders', 'posts',
    'settings', 'analytics', 'credentials', 'news', 'address',
    // snake_case and spaced names
    'blog_post', 'blog_posts', 'user_group', 'user_groups', 'order_items', 'project_member',
    'user_id', 'blog_post_id', 'blog post', 'ice cream', 'sea mouse', 'post_status',
];
for (const w of lower)
    add(w, capital(w));
// Upper-case forms: the rules are case-insensitive, the uncountable check is not by accident.
add('USER', 'USERS', 'PERSON', 'PEOPLE', 'CHILD', 'CHILDREN', 'QUIZ', 'INDEX', 'MAN',
    'WOMEN', 'OCTOPUS', 'STATUS', 'BUS', 'DATA', 'SMS', 'GOOSE', 'FOOT', 'TEETH', 'RICE',
    'NEWS', 'SHEEP', 'LEAF', 'WIFE', 'CITY', 'BOX', 'MATRIX', 'CRISIS', 'OX', 'MOUSE',
    'ALIAS', 'SERIES', 'MOVIE', 'KNIFE', 'HALF', 'QUERY', 'API', 'ID', 'UUID', 'SKU');

// CamelCase model names as people write them.
add('BlogPost', 'BlogPosts', 'ProfilePicture', 'ProfilePictures', 'UserGroups', 'UserGroup',
    'URL', 'URLPath', 'APIKey', 'HTTPRequest', 'OAuthToken', 'UserProfile', 'OrderItem',
    'LineItem', 'ProductCategory', 'ShoppingCart', 'InvoiceLine', 'CustomerAddress',
    'TagTaxonomy', 'PostTag', 'UserRole', 'RolePermission', 'AccessToken', 'RefreshToken',
    'TeamMember', 'ChatMessage', 'MediaFile', 'Media', 'Analytics', 'Settings',
    'UserSettings', 'OrderStatus', 'ChildNode', 'GrandChild', 'ParentChild', 'BusStop',
    'SeaOctopus', 'ComputerVirus', 'MatrixIndex', 'SalesPerson', 'SalesPeople',
    'Salesman', 'Salesmen', 'WorkMan', 'Woman', 'Women', 'FooBarBaz', 'myModel',
    'userAccount', 'blogPost', 'aB', 'ABC', 'XMLHttpRequest', 'IPAddress', 'SSHKey',
    'CategoryTree', 'TreeCategory', 'FileSystemEntry', 'DataPoint', 'MetaData',
    'StatusHistory', 'HistoryStatus', 'AuditLog', 'LogEntry', 'Inbox', 'Outbox');

// Digits, underscores, namespaces, punctuation.
add('user2Group', 'Table1', 'V2User', 'item3s', '2fa', 'Model10', 'S3Bucket', 'OAuth2Client',
    'x1y2z3', '123', 'A1', 'a1s', 'Status2', 'Quiz9',
    'User_Id', '_private', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
    'user__group', 'a_', '_a', 'A_B', 'USER_ID', 'user-group', 'User-Group', 'user.group',
    'Admin::User', 'admin::user_group', 'A::B::C', ':::', '::', 'Admin::', '::User',
    '_', '__', '-', 'a-', '-a', 'a b', ' a', 'a ', '  x  ', 'Foo_Bar_', 'foo - bar');

// Short and degenerate strings.
add('', 's', 'S', 'ss', 'a', 'A', 'es', 'ies', 'ves', 'ices', 'i', 'us', 'is', 'y', 'f', 'fe',
    'o', 'x', 'z', 'men', 'an', 'en', 'ox', 'xes');

// Unicode: accents, other scripts, and the characters where JavaScript's /i and Unicode
// case folding disagree (U+017F LONG S, U+212A KELVIN SIGN, U+0130 DOTTED CAPITAL I).
add('Café', 'Cafés', 'Ärger', 'Öl', 'Straße', 'straße', 'Maß', '用户', '用户s', 'Ñandú',
    'Ñandús', 'Österreich', 'Über', 'naïve', 'Zoë', 'Ελλάδα', 'Москва', 'Пользователь',
    'ÉTÉ', 'Élève', 'Niño', 'Niños', 'Façade', 'Smörgåsbord', 'ŒUVRE', 'İstanbul', 'İce',
    'İCE', 'Ice', 'ICE', 'Boſ', 'Boſs', 'ſ', 'Buſ', 'ſeries', '\u212Aarate', '\u212Aey',
    '\u212A', 'Bo\u017FS', 'Dſ', '😀fe', '😀ies', 'Party🎉', '🎉', 'Ω', 'Ωs', 'Ωmen',
    'Zürich', 'Größe', 'Übersicht', 'ÄrgerUser', 'CaféMenu', 'user_café', 'é_t', 'a_ß',
    'x_ŉ', 'a\u00a0b', 'a\u3000b', 'a\ufeffb', 'a\u0085b', 'a\u2028b', 'a_\u{10428}',
    '\u{10428}s', 'ΟΔΟΣ', 'ΟΔΟΣ_ΣΑ', 'ΣΑ', 'Σ', 'ΑΣ.', "ΑΣ'Β", 'ΑΣΑ', 'ΟΔΟΣ::ΑΣ', 'ΑΣ\u0301',
    'ßeta', 'ǆemal', 'ǅemal');

// Feed the outputs back in: plural of a plural, singular of a singular.
for (const w of [...words]) {
    add(inflection.pluralize(w), inflection.singularize(w));
}

const out = ['word\tplural\tsingular\tunderscore\tcamelize'];
for (const w of words) {
    const row = [w, inflection.pluralize(w), inflection.singularize(w), inflection.underscore(w),
                 camelize(w)];
    for (const cell of row) {
        if (/[\t\n\r\\]/.test(cell))
            throw new Error('cell needs escaping: ' + JSON.stringify(cell));
    }
    out.push(row.join('\t'));
}
process.stdout.write(out.join('\n') + '\n');

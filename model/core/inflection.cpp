// SPDX-License-Identifier: MIT
#include "inflection.h"

#include "stringpool.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QtAlgorithms>

#include <string_view>

// How Sequelize v4 turns a model name into its plural or singular (inflection 1.12.0,
// lib/inflection.js, `_apply_rules`):
//
// 1. If word.toLowerCase() is in the uncountable list, the word is returned unchanged.
// 2. Otherwise the ordered rule list is tried; the FIRST rule whose regex matches anywhere
//    wins. A rule without a replacement means "already in the wanted form": return the word
//    as is. A rule with a replacement substitutes the match ($1, $2 are groups; a group that
//    did not take part is empty). Every regex is /gi, but all are anchored with ^ or $, so
//    there is at most one match.
// 3. No rule matched (impossible for pluralize: `$` always matches): return the word.
//
// The replacement text is literal, which gives the known quirks: Goose -> geese, Foot ->
// feet (lower case); S -> s; Data -> Datum; Sms -> Sm; Hero -> Heros; Octopus -> Octopi;
// singular Leaves -> Leave; Analyses -> AnalyAsis ($2 is the captured "A").
//
// The tables below are copied verbatim from inflection 1.12.0 (regex names as there).
// The JavaScript /i flag without /u folds ASCII letters only (ſ does not match s, the
// Kelvin sign does not match k), unlike PCRE's Unicode caseless mode; so the patterns are
// compiled case-sensitively with each ASCII letter spelled as [xX]. `$` becomes \z because
// PCRE's `$` would also match before a final newline.
//
// The other helpers (Sequelize v4 lib/utils.js and inflection.underscore):
//
// underscore   split on "::"; `_` before every ASCII capital; one leading `_` dropped;
//              join with "/"; toLowerCase (with its final-sigma rule, which Qt lacks).
// camelize     trim (JavaScript's whitespace set); each run of [-_\s]+ and the UTF-16 unit
//              after it becomes that unit upper-cased (full mapping: ß -> SS); the first
//              character keeps its case. JavaScript throws on a trailing run; we drop it.
// upperFirst   the first UTF-16 unit upper-cased (full mapping), the rest unchanged.

namespace Junction::Inflection {
namespace {

// In the order of the package, one initial letter a line; lower case (see isUncountable).
// clang-format off
constexpr const char *uncountableWords[] = {
    "accommodation", "adulthood", "advertising", "advice", "aggression", "aid", "air",
    "aircraft", "alcohol", "anger", "applause", "arithmetic", "assistance", "athletics",
    "bacon", "baggage", "beef", "biology", "blood", "botany", "bread", "butter",
    "carbon", "cardboard", "cash", "chalk", "chaos", "chess", "crossroads", "countryside",
    "dancing", "deer", "dignity", "dirt", "dust",
    "economics", "education", "electricity", "engineering", "enjoyment", "envy",
    "equipment", "ethics", "evidence", "evolution",
    "fame", "fiction", "flour", "flu", "food", "fuel", "fun", "furniture",
    "gallows", "garbage", "garlic", "genetics", "gold", "golf", "gossip", "grammar",
    "gratitude", "grief", "guilt", "gymnastics",
    "happiness", "hardware", "harm", "hate", "hatred", "health", "heat", "help",
    "homework", "honesty", "honey", "hospitality", "housework", "humour", "hunger",
    "hydrogen",
    "ice", "importance", "inflation", "information", "innocence", "iron", "irony",
    "jam", "jewelry", "judo",
    "karate", "knowledge",
    "lack", "laughter", "lava", "leather", "leisure", "lightning", "linguine", "linguini",
    "linguistics", "literature", "litter", "livestock", "logic", "loneliness", "luck",
    "luggage",
    "macaroni", "machinery", "magic", "management", "mankind", "marble", "mathematics",
    "mayonnaise", "measles", "methane", "milk", "minus", "money", "mud", "music", "mumps",
    "nature", "news", "nitrogen", "nonsense", "nurture", "nutrition",
    "obedience", "obesity", "oxygen",
    "pasta", "patience", "physics", "poetry", "pollution", "poverty", "pride",
    "psychology", "publicity", "punctuation",
    "quartz",
    "racism", "relaxation", "reliability", "research", "respect", "revenge", "rice",
    "rubbish", "rum",
    "safety", "scenery", "seafood", "seaside", "series", "shame", "sheep", "shopping",
    "sleep", "smoke", "smoking", "snow", "soap", "software", "soil", "spaghetti",
    "species", "steam", "stuff", "stupidity", "sunshine", "symmetry",
    "tennis", "thirst", "thunder", "timber", "traffic", "transportation", "trust",
    "underwear", "unemployment", "unity",
    "validity", "veal", "vegetation", "vegetarianism", "vengeance", "violence", "vitality",
    "warmth", "wealth", "weather", "welfare", "wheat", "wildlife", "wisdom",
    "yoga",
    "zinc", "zoology",
};
// clang-format on

// regex.plural.*
constexpr char pluralMen[] = "^(m|wom)en$";
constexpr char pluralPeople[] = "(pe)ople$";
constexpr char pluralChildren[] = "(child)ren$";
constexpr char pluralTia[] = "([ti])a$";
constexpr char pluralAnalyses[] = "((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$";
constexpr char pluralHives[] = "(hi|ti)ves$";
constexpr char pluralCurves[] = "(curve)s$";
constexpr char pluralLrves[] = "([lr])ves$";
constexpr char pluralAves[] = "([a])ves$";
constexpr char pluralFoves[] = "([^fo])ves$";
constexpr char pluralMovies[] = "(m)ovies$";
constexpr char pluralAeiouyies[] = "([^aeiouy]|qu)ies$";
constexpr char pluralSeries[] = "(s)eries$";
constexpr char pluralXes[] = "(x|ch|ss|sh)es$";
constexpr char pluralMice[] = "([m|l])ice$";
constexpr char pluralBuses[] = "(bus)es$";
constexpr char pluralOes[] = "(o)es$";
constexpr char pluralShoes[] = "(shoe)s$";
constexpr char pluralCrises[] = "(cris|ax|test)es$";
constexpr char pluralOctopi[] = "(octop|vir)i$";
constexpr char pluralAliases[] = "(alias|canvas|status|campus)es$";
constexpr char pluralSummonses[] = "^(summons)es$";
constexpr char pluralOxen[] = "^(ox)en"; // sic: no $, so "oxenfree" counts as plural
constexpr char pluralMatrices[] = "(matr)ices$";
constexpr char pluralVertices[] = "(vert|ind)ices$";
constexpr char pluralFeet[] = "^feet$";
constexpr char pluralTeeth[] = "^teeth$";
constexpr char pluralGeese[] = "^geese$";
constexpr char pluralQuizzes[] = "(quiz)zes$";
constexpr char pluralWhereases[] = "^(whereas)es$";
constexpr char pluralCriteria[] = "^(criteri)a$";
constexpr char pluralGenera[] = "^genera$";
constexpr char pluralSs[] = "ss$";
constexpr char pluralS[] = "s$";

// regex.singular.*
constexpr char singularMan[] = "^(m|wom)an$";
constexpr char singularPerson[] = "(pe)rson$";
constexpr char singularChild[] = "(child)$";
constexpr char singularOx[] = "^(ox)$";
constexpr char singularAxis[] = "(ax|test)is$";
constexpr char singularOctopus[] = "(octop|vir)us$";
constexpr char singularAlias[] = "(alias|status|canvas|campus)$";
constexpr char singularSummons[] = "^(summons)$";
constexpr char singularBus[] = "(bu)s$";
constexpr char singularBuffalo[] = "(buffal|tomat|potat)o$";
constexpr char singularTium[] = "([ti])um$";
constexpr char singularSis[] = "sis$";
constexpr char singularFfe[] = "(?:([^f])fe|([lr])f)$";
constexpr char singularHive[] = "(hi|ti)ve$";
constexpr char singularAeiouyy[] = "([^aeiouy]|qu)y$";
constexpr char singularX[] = "(x|ch|ss|sh)$";
constexpr char singularMatrix[] = "(matr)ix$";
constexpr char singularVertex[] = "(vert|ind)ex$";
constexpr char singularMouse[] = "([m|l])ouse$";
constexpr char singularFoot[] = "^foot$";
constexpr char singularTooth[] = "^tooth$";
constexpr char singularGoose[] = "^goose$";
constexpr char singularQuiz[] = "(quiz)$";
constexpr char singularWhereas[] = "^(whereas)$";
constexpr char singularCriterion[] = "^(criteri)on$";
constexpr char singularGenus[] = "^genus$";
constexpr char singularS[] = "s$";
constexpr char singularCommon[] = "$";

struct RuleSpec
{
    const char *pattern;
    const char *replacement; // nullptr: already in the wanted form, keep the word
};

constexpr RuleSpec pluralRules[] = {
    // do not replace if it is already a plural word
    {pluralMen, nullptr},
    {pluralPeople, nullptr},
    {pluralChildren, nullptr},
    {pluralTia, nullptr},
    {pluralAnalyses, nullptr},
    {pluralHives, nullptr},
    {pluralCurves, nullptr},
    {pluralLrves, nullptr},
    {pluralFoves, nullptr},
    {pluralAeiouyies, nullptr},
    {pluralSeries, nullptr},
    {pluralMovies, nullptr},
    {pluralXes, nullptr},
    {pluralMice, nullptr},
    {pluralBuses, nullptr},
    {pluralOes, nullptr},
    {pluralShoes, nullptr},
    {pluralCrises, nullptr},
    {pluralOctopi, nullptr},
    {pluralAliases, nullptr},
    {pluralSummonses, nullptr},
    {pluralOxen, nullptr},
    {pluralMatrices, nullptr},
    {pluralFeet, nullptr},
    {pluralTeeth, nullptr},
    {pluralGeese, nullptr},
    {pluralQuizzes, nullptr},
    {pluralWhereases, nullptr},
    {pluralCriteria, nullptr},
    {pluralGenera, nullptr},
    // original rules
    {singularMan, "$1en"},
    {singularPerson, "$1ople"},
    {singularChild, "$1ren"},
    {singularOx, "$1en"},
    {singularAxis, "$1es"},
    {singularOctopus, "$1i"},
    {singularAlias, "$1es"},
    {singularSummons, "$1es"},
    {singularBus, "$1ses"},
    {singularBuffalo, "$1oes"},
    {singularTium, "$1a"},
    {singularSis, "ses"},
    {singularFfe, "$1$2ves"},
    {singularHive, "$1ves"},
    {singularAeiouyy, "$1ies"},
    {singularMatrix, "$1ices"},
    {singularVertex, "$1ices"},
    {singularX, "$1es"},
    {singularMouse, "$1ice"},
    {singularFoot, "feet"},
    {singularTooth, "teeth"},
    {singularGoose, "geese"},
    {singularQuiz, "$1zes"},
    {singularWhereas, "$1es"},
    {singularCriterion, "$1a"},
    {singularGenus, "genera"},
    {singularS, "s"},
    {singularCommon, "s"},
};

constexpr RuleSpec singularRules[] = {
    // do not replace if it is already a singular word
    {singularMan, nullptr},
    {singularPerson, nullptr},
    {singularChild, nullptr},
    {singularOx, nullptr},
    {singularAxis, nullptr},
    {singularOctopus, nullptr},
    {singularAlias, nullptr},
    {singularSummons, nullptr},
    {singularBus, nullptr},
    {singularBuffalo, nullptr},
    {singularTium, nullptr},
    {singularSis, nullptr},
    {singularFfe, nullptr},
    {singularHive, nullptr},
    {singularAeiouyy, nullptr},
    {singularX, nullptr},
    {singularMatrix, nullptr},
    {singularMouse, nullptr},
    {singularFoot, nullptr},
    {singularTooth, nullptr},
    {singularGoose, nullptr},
    {singularQuiz, nullptr},
    {singularWhereas, nullptr},
    {singularCriterion, nullptr},
    {singularGenus, nullptr},
    // original rules
    {pluralMen, "$1an"},
    {pluralPeople, "$1rson"},
    {pluralChildren, "$1"},
    {pluralGenera, "genus"},
    {pluralCriteria, "$1on"},
    {pluralTia, "$1um"},
    {pluralAnalyses, "$1$2sis"},
    {pluralHives, "$1ve"},
    {pluralCurves, "$1"},
    {pluralLrves, "$1f"},
    {pluralAves, "$1ve"},
    {pluralFoves, "$1fe"},
    {pluralMovies, "$1ovie"},
    {pluralAeiouyies, "$1y"},
    {pluralSeries, "$1eries"},
    {pluralXes, "$1"},
    {pluralMice, "$1ouse"},
    {pluralBuses, "$1"},
    {pluralOes, "$1"},
    {pluralShoes, "$1"},
    {pluralCrises, "$1is"},
    {pluralOctopi, "$1us"},
    {pluralAliases, "$1"},
    {pluralSummonses, "$1"},
    {pluralOxen, "$1"},
    {pluralMatrices, "$1ix"},
    {pluralVertices, "$1ex"},
    {pluralFeet, "foot"},
    {pluralTeeth, "tooth"},
    {pluralGeese, "goose"},
    {pluralQuizzes, "$1"},
    {pluralWhereases, "$1"},
    {pluralSs, "ss"},
    {pluralS, ""},
};

// --- Compiling the tables -----------------------------------------------------------------
//
// Running the regexes in turn would cost microseconds per name, and the resolver calls this
// ~100,000 times. So the endings a match of each $-anchored rule can have are read off its
// pattern: `(x|ch|ss|sh)es$` ends in xes, ches, sses or shes, exactly; `([^fo])ves$` ends in
// ves, which is necessary but not sufficient. All endings of a rule list go into one trie,
// spelled backwards; one walk from the last letter of a word yields the rules it may match.
// An exact ending decides without a regex; the regex runs only to confirm an inexact ending
// or to read the groups of the rule that wins.

constexpr qsizetype maxEndings = 64;

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool isPureLetters(std::string_view s)
{
    for (char c : s) {
        if (!isAsciiLetter(c))
            return false;
    }
    return true;
}

// Top-level alternatives of a group body or a whole pattern.
QList<std::string_view> alternatives(std::string_view s)
{
    QList<std::string_view> result;
    int depth = 0;
    bool inClass = false;
    size_t from = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inClass) {
            inClass = c != ']';
        } else if (c == '[') {
            inClass = true;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == '|' && depth == 0) {
            result.append(s.substr(from, i - from));
            from = i + 1;
        }
    }
    result.append(s.substr(from));
    return result;
}

// Index of the '(' matching the ')' at `close` (the patterns nest but have no escapes).
size_t openingParen(std::string_view s, size_t close)
{
    int depth = 0;
    for (size_t i = close + 1; i-- > 0;) {
        if (s[i] == ')')
            ++depth;
        else if (s[i] == '(' && --depth == 0)
            return i;
    }
    return 0;
}

std::string_view groupBody(std::string_view group) // "(?:a|b)" -> "a|b"
{
    group = group.substr(1, group.size() - 2);
    if (group.substr(0, 2) == "?:")
        group.remove_prefix(2);
    return group;
}

struct Ending
{
    QByteArray text; // lower case
    bool exact = true; // a match is exactly this text (else: ends with it, regex decides)
};
using Endings = QList<Ending>;

// The endings of any match of `s` (no anchors), read atom by atom from the right. Letters,
// positive classes and groups multiply out; anything else (a negated class) closes the
// endings built so far as inexact.
Endings endingsOf(std::string_view s)
{
    Endings result {Ending {}};
    size_t end = s.size();
    while (end > 0) {
        const char last = s[end - 1];
        size_t begin = 0;
        Endings atom;
        if (isAsciiLetter(last)) {
            begin = end - 1;
            atom.append(Ending {QByteArray(1, asciiLower(last)), true});
        } else if (last == ']') {
            begin = s.rfind('[', end - 1);
            const std::string_view body = s.substr(begin + 1, end - begin - 2);
            if (body.empty() || body.front() == '^') {
                atom.append(Ending {QByteArray(), false});
            } else {
                for (char c : body)
                    atom.append(Ending {QByteArray(1, asciiLower(c)), true});
            }
        } else if (last == ')') {
            begin = openingParen(s, end - 1);
            for (std::string_view alt : alternatives(groupBody(s.substr(begin, end - begin))))
                atom += endingsOf(alt);
        } else {
            atom.append(Ending {QByteArray(), false});
        }

        Endings next;
        bool open = false;
        for (const Ending &r : std::as_const(result)) {
            if (!r.exact) {
                next.append(r);
                continue;
            }
            for (const Ending &a : std::as_const(atom)) {
                const Ending e {a.text + r.text, a.exact};
                bool seen = false;
                for (const Ending &n : std::as_const(next))
                    seen = seen || (n.text == e.text && n.exact == e.exact);
                if (!seen)
                    next.append(e);
                open = open || e.exact;
            }
        }
        if (next.size() > maxEndings)
            return Endings {Ending {QByteArray(), false}};
        result = next;
        if (!open)
            break;
        end = begin;
    }
    return result;
}

// Lower-case literal text every match of `s` (no anchors) starts with; only used for the
// one rule anchored at the start alone (oxen).
QByteArray literalHead(std::string_view s)
{
    QByteArray head;
    while (!s.empty()) {
        const char first = s.front();
        if (isAsciiLetter(first)) {
            head.append(asciiLower(first));
            s.remove_prefix(1);
            continue;
        }
        if (first != '(')
            break;
        const size_t close = s.find(')'); // only a flat group continues the head
        const QList<std::string_view> alts = alternatives(groupBody(s.substr(0, close + 1)));
        if (alts.size() != 1 || !isPureLetters(alts.first()))
            break;
        head.append(QByteArray(alts.first().data(), qsizetype(alts.first().size())).toLower());
        s.remove_prefix(close + 1);
    }
    return head;
}

// JavaScript /i (no /u) semantics as a case-sensitive PCRE pattern; see the top comment.
QString toPcre(std::string_view js)
{
    QString out;
    bool inClass = false;
    for (char c : js) {
        const QChar qc = QLatin1Char(c);
        if (isAsciiLetter(c)) {
            if (!inClass)
                out += QLatin1Char('[');
            out += qc.toLower();
            out += qc.toUpper();
            if (!inClass)
                out += QLatin1Char(']');
            continue;
        }
        if (inClass) {
            inClass = c != ']';
        } else if (c == '[') {
            inClass = true;
        } else if (c == '$') {
            out += QLatin1String("\\z");
            continue;
        }
        out += qc;
    }
    return out;
}

struct Piece
{
    QString text;
    int group = 0; // > 0: the text of this capture group, else `text`
};

struct Rule
{
    QRegularExpression regex;
    QString head; // lower-case text a match must start with (rules not anchored with $)
    qsizetype plainLength = -1; // >= 0: the pattern is ^?letters$ of this length (no groups)
    bool keep = false;
    QList<Piece> replacement;
    QString plainReplacement; // the replacement text of a plain rule
};

// Endings spelled backwards from the root. Bit r of a mask stands for rule r.
struct TrieNode
{
    QList<QPair<char16_t, int>> children;
    quint64 exact = 0; // a word with this ending matches rule r
    quint64 whole = 0; // ... if the ending is the whole word (^...$ rules)
    quint64 maybe = 0; // a match of rule r needs this ending; the regex decides
};

struct RuleSet
{
    QList<Rule> rules;
    QList<TrieNode> trie {TrieNode()};
    quint64 unanchored = 0; // rules without $: tried whenever their head fits
};

QList<Piece> parseReplacement(std::string_view js)
{
    QList<Piece> pieces;
    for (size_t i = 0; i < js.size(); ++i) {
        if (js[i] == '$' && i + 1 < js.size() && js[i + 1] >= '1' && js[i + 1] <= '9') {
            pieces.append(Piece {QString(), js[i + 1] - '0'});
            ++i;
            continue;
        }
        if (pieces.isEmpty() || pieces.last().group != 0)
            pieces.append(Piece());
        pieces.last().text += QLatin1Char(js[i]);
    }
    return pieces;
}

int trieChild(const RuleSet &set, int node, char16_t c)
{
    for (const auto &[ch, index] : set.trie.at(node).children) {
        if (ch == c)
            return index;
    }
    return -1;
}

TrieNode &trieInsert(RuleSet &set, const QByteArray &ending)
{
    int node = 0;
    for (qsizetype i = ending.size(); i-- > 0;) {
        const char16_t c = char16_t(uchar(ending.at(i)));
        int next = trieChild(set, node, c);
        if (next < 0) {
            next = int(set.trie.size());
            set.trie.append(TrieNode());
            set.trie[node].children.append({c, next});
        }
        node = next;
    }
    return set.trie[node];
}

template<size_t N> RuleSet compile(const RuleSpec (&specs)[N])
{
    static_assert(N <= 64, "one mask bit per rule");
    RuleSet set;
    for (const RuleSpec &spec : specs) {
        const std::string_view pattern(spec.pattern);
        const quint64 bit = quint64(1) << set.rules.size();
        Rule rule;
        const bool anchoredStart = pattern.substr(0, 1) == "^";
        const bool anchoredEnd = !pattern.empty() && pattern.back() == '$';
        std::string_view body = pattern;
        if (anchoredStart)
            body.remove_prefix(1);
        if (anchoredEnd)
            body.remove_suffix(1);
        if (anchoredEnd && isPureLetters(body))
            rule.plainLength = qsizetype(body.size());
        rule.regex = QRegularExpression(toPcre(pattern));
        Q_ASSERT_X(rule.regex.isValid(), "Inflection", spec.pattern);
        rule.regex.optimize();
        rule.keep = spec.replacement == nullptr;
        if (!rule.keep)
            rule.replacement = parseReplacement(spec.replacement);
        if (rule.plainLength >= 0 && !rule.keep)
            rule.plainReplacement = QString::fromLatin1(spec.replacement);

        if (anchoredEnd) {
            for (const Ending &e : endingsOf(body)) {
                TrieNode &node = trieInsert(set, e.text);
                if (!e.exact)
                    node.maybe |= bit;
                else if (anchoredStart)
                    node.whole |= bit;
                else
                    node.exact |= bit;
            }
        } else {
            rule.head = QString::fromLatin1(literalHead(body));
            set.unanchored |= bit;
        }
        set.rules.append(rule);
    }
    return set;
}

const RuleSet &pluralSet()
{
    static const RuleSet set = compile(pluralRules); // thread-safe static initialisation
    return set;
}

const RuleSet &singularSet()
{
    static const RuleSet set = compile(singularRules);
    return set;
}

// word.toLowerCase() is in the list. Only ASCII letters and the Kelvin sign (which lowers
// to k) lower-case to ASCII letters, so anything else cannot match; this avoids lowering
// (an allocation) on every call.
bool isUncountable(const QString &word)
{
    static const auto words = [] {
        QSet<QByteArray> s;
        for (const char *w : uncountableWords)
            s.insert(QByteArray(w));
        return s;
    }();
    constexpr qsizetype longest = 16;
    if (word.isEmpty() || word.size() > longest)
        return false;
    char lower[longest];
    for (qsizetype i = 0; i < word.size(); ++i) {
        const char16_t c = word.at(i).unicode();
        if (c < 128 && isAsciiLetter(char(c)))
            lower[i] = asciiLower(char(c));
        else if (c == 0x212a)
            lower[i] = 'k';
        else
            return false;
    }
    return words.contains(QByteArray::fromRawData(lower, word.size()));
}

// ASCII-only case-insensitive comparison, as JavaScript /i folds (`lower` is lower case).
bool sameLetters(QStringView text, const QString &lower)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const char16_t l = lower.at(i).unicode();
        if (c != l && !(l >= u'a' && l <= u'z' && c == l - u'a' + u'A'))
            return false;
    }
    return true;
}

QString applyRules(const QString &word, const RuleSet &set)
{
    if (isUncountable(word))
        return word;

    // Walk the word backwards through the trie, collecting the rules whose endings it has.
    const TrieNode *node = &set.trie.at(0);
    quint64 exact = node->exact | (word.isEmpty() ? node->whole : 0);
    quint64 maybe = node->maybe | set.unanchored;
    for (qsizetype i = word.size(); i-- > 0;) {
        char16_t c = word.at(i).unicode();
        if (c >= u'A' && c <= u'Z')
            c += u'a' - u'A'; // JavaScript /i without /u folds ASCII only
        const int next = trieChild(set, int(node - set.trie.constData()), c);
        if (next < 0)
            break;
        node = &set.trie.at(next);
        exact |= node->exact | (i == 0 ? node->whole : 0);
        maybe |= node->maybe;
    }

    // The first rule in table order that matches wins.
    const QStringView view(word);
    for (quint64 todo = exact | maybe; todo != 0; todo &= todo - 1) {
        const int index = qCountTrailingZeroBits(todo);
        const Rule &rule = set.rules.at(index);
        const bool isExact = exact & (quint64(1) << index);
        if (!isExact
            && (word.size() < rule.head.size()
                || !sameLetters(view.left(rule.head.size()), rule.head)))
            continue;
        if (isExact && rule.keep)
            return word;
        if (isExact && rule.plainLength >= 0) {
            // The ending is the match and there are no groups. (Even a default-constructed
            // QRegularExpressionMatch allocates, so this path makes none.)
            const qsizetype start = word.size() - rule.plainLength;
            QString result;
            result.reserve(start + rule.plainReplacement.size());
            result.append(view.left(start));
            result.append(rule.plainReplacement);
            return result;
        }
        const QRegularExpressionMatch match = rule.regex.match(word);
        if (!match.hasMatch()) {
            Q_ASSERT(!isExact);
            continue;
        }
        if (rule.keep)
            return word;
        QString result;
        result.reserve(word.size() + 8);
        result.append(view.left(match.capturedStart(0)));
        for (const Piece &piece : rule.replacement)
            result.append(piece.group > 0 ? match.capturedView(piece.group)
                                          : QStringView(piece.text));
        result.append(view.mid(match.capturedEnd(0)));
        return result;
    }
    return word;
}

// Most names are resolved many times (an entity's name feeds every association touching
// it), so each thread keeps its answers, cleared when full to bound memory. The key hashes
// with FNV-1a: Qt 6.4's seeded string hash costs about as much as the rules themselves.
struct CacheKey
{
    QString word;
    // Names the reader pooled (StringPool) share their characters: equal without reading them.
    bool operator==(const CacheKey &other) const
    {
        return word.size() == other.word.size()
               && (word.constData() == other.word.constData() || word == other.word);
    }
};

size_t qHash(const CacheKey &key, size_t seed = 0) noexcept
{
    size_t h = 14695981039346656037ULL ^ seed;
    for (QChar c : key.word) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    // FNV's low bits are weak and QHash indexes by them: finish with MurmurHash3's mixer.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

using Cache = QHash<CacheKey, QString>;

QString cached(Cache &cache, const QString &word, const RuleSet &set)
{
    constexpr qsizetype maxEntries = 1 << 15;
    const auto it = cache.constFind(CacheKey {word});
    if (it != cache.constEnd())
        return it.value();
    if (cache.size() >= maxEntries)
        cache.clear();
    // Pooled: the answers are copied into every table name, alias and key name (StringPool).
    QString result = StringPool::intern(applyRules(word, set));
    cache.insert(CacheKey {word}, result);
    return result;
}

// JavaScript's \s and String.prototype.trim set (WhiteSpace + LineTerminator). Not
// QChar::isSpace, which adds U+0085 and lacks U+FEFF.
bool isJsSpace(QChar c)
{
    switch (c.unicode()) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
        return true;
    default:
        return c.unicode() >= 0x2000 && c.unicode() <= 0x200a;
    }
}

// Unicode Cased and Case_Ignorable, close enough for the Final_Sigma context below.
bool isCased(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
        return true;
    default:
        return false;
    }
}

bool isCaseIgnorable(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier:
        return true;
    default:
        break;
    }
    // Word_Break MidLetter, MidNumLet and Single_Quote.
    switch (c) {
    case 0x27:
    case 0x2e:
    case 0x3a:
    case 0xb7:
    case 0x387:
    case 0x55f:
    case 0x5f4:
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0x2027:
    case 0xfe13:
    case 0xfe52:
    case 0xfe55:
    case 0xff07:
    case 0xff0e:
    case 0xff1a:
        return true;
    default:
        return false;
    }
}

char32_t codePointBefore(const QString &s, qsizetype &i) // moves i back over one code point
{
    --i;
    if (i > 0 && s.at(i).isLowSurrogate() && s.at(i - 1).isHighSurrogate()) {
        --i;
        return QChar::surrogateToUcs4(s.at(i), s.at(i + 1));
    }
    return s.at(i).unicode();
}

char32_t codePointAt(const QString &s, qsizetype &i) // moves i past one code point
{
    if (i + 1 < s.size() && s.at(i).isHighSurrogate() && s.at(i + 1).isLowSurrogate()) {
        i += 2;
        return QChar::surrogateToUcs4(s.at(i - 2), s.at(i - 1));
    }
    return s.at(i++).unicode();
}

// String.prototype.toLowerCase: QString::toLower plus the Final_Sigma rule it lacks
// (capital sigma at the end of a word lowers to ς, not σ).
QString jsToLower(const QString &s)
{
    QString lower = s.toLower();
    if (!s.contains(QChar(0x03a3)))
        return lower;
    // Only U+0130 lowers to two units; map positions by lowering the prefix when needed.
    const bool sameLength = lower.size() == s.size();
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).unicode() != 0x03a3)
            continue;
        bool casedBefore = false;
        for (qsizetype j = i; j > 0;) {
            const char32_t c = codePointBefore(s, j);
            if (isCaseIgnorable(c))
                continue;
            casedBefore = isCased(c);
            break;
        }
        bool casedAfter = false;
        for (qsizetype j = i + 1; j < s.size();) {
            const char32_t c = codePointAt(s, j);
            if (isCaseIgnorable(c))
                continue;
            casedAfter = isCased(c);
            break;
        }
        if (casedBefore && !casedAfter) {
            const qsizetype at = sameLength ? i : s.left(i).toLower().size();
            lower[at] = QChar(0x03c2);
        }
    }
    return lower;
}

} // namespace

QString pluralize(const QString &word)
{
    thread_local Cache cache;
    return cached(cache, word, pluralSet());
}

QString singularize(const QString &word)
{
    thread_local Cache cache;
    return cached(cache, word, singularSet());
}

QString underscore(const QString &word)
{
    QStringList parts = word.split(QStringLiteral("::"));
    for (QString &part : parts) {
        QString out;
        out.reserve(part.size() + 4);
        for (QChar c : part) {
            if (c.unicode() >= 'A' && c.unicode() <= 'Z')
                out += QLatin1Char('_');
            out += c;
        }
        if (out.startsWith(QLatin1Char('_')))
            out.remove(0, 1);
        part = out;
    }
    return jsToLower(parts.join(QLatin1Char('/')));
}

QString camelize(const QString &word)
{
    return camelize(QStringView(word));
}

QString camelize(QStringView word)
{
    // str.trim().replace(/[-_\s]+(.)?/g, (m, c) => c.toUpperCase()). JavaScript throws on a
    // trailing run (c is undefined); we drop the run instead.
    auto isRun
        = [](QChar c) { return c == QLatin1Char('-') || c == QLatin1Char('_') || isJsSpace(c); };
    qsizetype begin = 0;
    qsizetype end = word.size();
    while (begin < end && isJsSpace(word.at(begin)))
        ++begin;
    while (end > begin && isJsSpace(word.at(end - 1)))
        --end;

    // Written straight into the result (every foreign key name comes here): the result is
    // never longer than the trimmed word unless a non-ASCII letter follows a run (its upper
    // case may be longer), which the general loop below handles.
    {
        QString out(end - begin, Qt::Uninitialized);
        QChar *d = out.data();
        qsizetype n = 0;
        bool ascii = true;
        for (qsizetype i = begin; i < end && ascii;) {
            if (!isRun(word.at(i))) {
                d[n++] = word.at(i++);
                continue;
            }
            while (i < end && isRun(word.at(i)))
                ++i;
            if (i == end)
                break;
            const char16_t c = word.at(i++).unicode();
            ascii = c < 0x80;
            d[n++] = QChar(c >= u'a' && c <= u'z' ? char16_t(c - 32) : c);
        }
        if (ascii) {
            out.resize(n);
            return out;
        }
    }

    QString out;
    out.reserve(end - begin);
    for (qsizetype i = begin; i < end;) {
        if (!isRun(word.at(i))) {
            out += word.at(i++);
            continue;
        }
        while (i < end && isRun(word.at(i)))
            ++i;
        if (i == end)
            break;
        // One UTF-16 unit, upper-cased with full mapping (ß -> SS), as JavaScript does.
        // ASCII (nearly every name) without a temporary string.
        const char16_t c = word.at(i++).unicode();
        if (c < 0x80)
            out += QChar(c >= u'a' && c <= u'z' ? char16_t(c - 32) : c);
        else
            out += QString(QChar(c)).toUpper();
    }
    return out;
}

QString upperFirst(const QString &word)
{
    // s[0].toUpperCase() + s.slice(1): the first UTF-16 unit, full case mapping.
    if (word.isEmpty())
        return word;
    return QString(word.at(0)).toUpper() + word.mid(1);
}

} // namespace Junction::Inflection

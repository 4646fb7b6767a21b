// SPDX-License-Identifier: GPL-3.0-or-later
// The direct JSON writer (rules::findingsToCompactJson, rules::appendIndentedJson) against what
// QJsonDocument writes for toJson(...) of the same findings and evaluations: byte for byte, on fixed
// tricky values and on generated ones (strings with controls, quotes, backslashes, non-ASCII, valid and
// broken surrogate pairs; integers and doubles; nested and empty containers). The indented form is checked
// both written from the findings and re-indented from Evaluation::findingsCompactJson.
#include "rules/finding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <limits>

using namespace ad;
using namespace ad::rules;

namespace {

QByteArray compactByQt(const QList<Finding>& findings)
{
    QJsonArray a;
    for (const Finding& f : findings)
        a.append(toJson(f));
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

// An element of an indented top-level array, as `evaluate --json` printed it before: the indented
// document of the object, every line 4 spaces further in, without the last newline.
QByteArray indentedByQt(const Evaluation& e)
{
    const QByteArray doc = QJsonDocument(toJson(e)).toJson(QJsonDocument::Indented);
    QByteArray out;
    qsizetype from = 0;
    while (from < doc.size()) {
        qsizetype nl = doc.indexOf('\n', from);
        if (nl < 0)
            nl = doc.size();
        if (from > 0)
            out += '\n';
        out += "    ";
        out += QByteArrayView(doc).sliced(from, nl - from);
        from = nl + 1;
    }
    return out;
}

QByteArray indentedByWriter(const Evaluation& e)
{
    QByteArray out("    ");
    appendIndentedJson(out, e, 1);
    return out;
}

// The same through e.findingsCompactJson (the compact findings re-indented).
QByteArray indentedFromCompact(Evaluation e)
{
    e.findingsCompactJson = findingsToCompactJson(e.findings);
    return indentedByWriter(e);
}

QString randomString(QRandomGenerator& rng)
{
    static const char16_t pool[] = {u'a',   u'Z',   u' ',   u'"',   u'\\',  u'/',   u'\b',  u'\f',
                                    u'\n',  u'\r',  u'\t',  0x0001, 0x001f, 0x007f, 0x0080, 0x00e9,
                                    0x07ff, 0x0800, 0x20ac, 0xfeff, 0xfffe, 0xffff, 0xd83d, 0xde00,
                                    0xdbff, 0xdfff, 0xd800, 0xdc00, 0x0000, u'<',   u'&',   0x2028};
    QString s;
    const int n = int(rng.bounded(12));
    for (int i = 0; i < n; ++i)
        s += QChar(pool[rng.bounded(int(sizeof pool / sizeof pool[0]))]);
    return s;
}

QJsonValue randomValue(QRandomGenerator& rng, int depth)
{
    switch (rng.bounded(depth > 2 ? 7 : 9)) {
    case 0:
        return QJsonValue();
    case 1:
        return rng.bounded(2) == 1;
    case 2:
        return qint64(rng.generate64()) >> rng.bounded(64);
    case 3: {
        static const double doubles[] = {0.0,
                                         -0.0,
                                         0.1,
                                         1.0 / 3,
                                         2.0,
                                         100.0,
                                         1e15,
                                         1e16,
                                         1e21,
                                         1.5e-7,
                                         0.002,
                                         0.05,
                                         -123.456,
                                         4e-320,
                                         1e300,
                                         12345678.9,
                                         std::numeric_limits<double>::max()};
        return doubles[rng.bounded(int(sizeof doubles / sizeof doubles[0]))];
    }
    case 4:
        return rng.generateDouble() * 1000 - 500;
    case 5:
    case 6:
        return randomString(rng);
    case 7: {
        QJsonArray a;
        const int n = int(rng.bounded(4));
        for (int i = 0; i < n; ++i)
            a.append(randomValue(rng, depth + 1));
        return a;
    }
    default: {
        QJsonObject o;
        const int n = int(rng.bounded(4));
        for (int i = 0; i < n; ++i)
            o.insert(randomString(rng), randomValue(rng, depth + 1));
        return o;
    }
    }
}

Finding randomFinding(QRandomGenerator& rng)
{
    Finding f;
    f.rule = randomString(rng);
    f.clause = randomString(rng);
    f.severity = Severity(rng.bounded(4));
    f.summary = randomString(rng);
    f.toClear = randomString(rng);
    const int n = int(rng.bounded(5));
    for (int i = 0; i < n; ++i)
        f.evidence.insert(randomString(rng), randomValue(rng, 0));
    return f;
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedValues()
    {
        Finding f;
        f.rule = QStringLiteral("complaint-rate");
        f.clause = QStringLiteral("Account Suspension");
        f.severity = Severity::Suspend;
        f.summary = QStringLiteral("quote \" backslash \\ tab \t nl \n ctl \x01 del \x7f é € ") +
                    QString::fromUcs4(U"\U0001F600") + QChar(0xd800) + u'x' + QChar(0xdc00);
        f.toClear = QStringLiteral("complaints must be ≤ 40 of 20,000 delivered");
        f.evidence.insert(QStringLiteral("value"), 0.0025);
        f.evidence.insert(QStringLiteral("threshold"), 0.002);
        f.evidence.insert(QStringLiteral("count"), 41);
        f.evidence.insert(QStringLiteral("big"), qint64(1) << 60);
        f.evidence.insert(QStringLiteral("whole"), 100.0);
        f.evidence.insert(QStringLiteral("ids"), QJsonArray{1, 2, 3});
        f.evidence.insert(QStringLiteral("none"), QJsonArray());
        f.evidence.insert(QStringLiteral("empty"), QJsonObject());
        f.evidence.insert(QStringLiteral("null"), QJsonValue());
        f.evidence.insert(
            QStringLiteral("nested"),
            QJsonObject{{QStringLiteral("b"), true}, {QStringLiteral("a"), QJsonArray{QStringLiteral("x")}}});
        const QList<Finding> findings{f, Finding{}};
        QCOMPARE(findingsToCompactJson(findings), compactByQt(findings));
        QCOMPARE(findingsToCompactJson({}), compactByQt({}));

        Evaluation e;
        e.accountId = QStringLiteral("A\"1");
        e.asOf = QDateTime::fromMSecsSinceEpoch(1795132800000, Qt::UTC);
        e.policyId = QStringLiteral("optimais");
        e.policyVersion = QStringLiteral("1.0");
        e.recommended = Action::Suspend;
        e.status = AccountStatus::Warned;
        // no findings: "findings": [\n        ]
        QCOMPARE(indentedByWriter(e), indentedByQt(e));
        QCOMPARE(indentedFromCompact(e), indentedByQt(e));
        e.findings = findings;
        QCOMPARE(indentedByWriter(e), indentedByQt(e));
        QCOMPARE(indentedFromCompact(e), indentedByQt(e));
    }

    // Strings that expand the most (every unit a 6-byte escape: controls, lone surrogates) and long ones,
    // as keys, values and summaries: the writer's room for the worst case is enough and cut back exactly.
    void worstCaseExpansion()
    {
        for (const int n : {0, 1, 7, 1000, 70000}) {
            QString controls, lone, mixed;
            for (int i = 0; i < n; ++i) {
                controls += QChar(char16_t(i % 0x20 == 0x9 ? 0x1 : i % 0x20));
                lone += QChar(char16_t(0xdc00 + i % 0x400)); // low surrogates only: none is in a pair
                mixed += QChar(char16_t(i % 5 == 0 ? 0x1f : i % 5 == 1 ? 0x20ac : i % 5 == 2 ? u'"' : 0xe9));
            }
            Finding f;
            f.rule = controls;
            f.summary = lone;
            f.toClear = mixed;
            f.evidence.insert(controls, lone);
            f.evidence.insert(mixed, QJsonArray{controls, mixed});
            const QList<Finding> findings{f};
            QCOMPARE(findingsToCompactJson(findings), compactByQt(findings));
            Evaluation e;
            e.accountId = controls;
            e.policyId = lone;
            e.findings = findings;
            QCOMPARE(indentedByWriter(e), indentedByQt(e));
            QCOMPARE(indentedFromCompact(e), indentedByQt(e));
        }
    }

    // The as-of string is kept from one evaluation to the next on a thread: a change of instant, an
    // invalid time, a fraction of a second and the same instant in another offset (toIso formats it in
    // UTC) all give what QJsonDocument gives.
    void asOfSequence()
    {
        const QDateTime t1 = QDateTime::fromMSecsSinceEpoch(1795132800000, Qt::UTC);
        const QList<QDateTime> times{t1,
                                     t1,
                                     t1.toOffsetFromUtc(7 * 3600),
                                     t1.addMSecs(1),
                                     QDateTime(),
                                     QDateTime(),
                                     t1,
                                     QDateTime::fromMSecsSinceEpoch(0, Qt::UTC),
                                     t1.addSecs(-86400),
                                     t1.toLocalTime(),
                                     QDateTime()};
        Evaluation e;
        e.accountId = QStringLiteral("A1");
        for (const QDateTime& t : times) {
            e.asOf = t;
            QCOMPARE(indentedByWriter(e), indentedByQt(e));
            QCOMPARE(indentedFromCompact(e), indentedByQt(e));
        }
    }

    // The writer appends after what the buffer holds, whatever its capacity, and leaves a buffer sharing the
    // same data untouched.
    void appendsToAnyBuffer()
    {
        Evaluation e;
        e.accountId = QStringLiteral("A2");
        e.asOf = QDateTime::fromMSecsSinceEpoch(1795132800000, Qt::UTC);
        Finding f;
        f.rule = QStringLiteral("r");
        f.evidence.insert(QStringLiteral("ids"), QJsonArray{1, 2, 3});
        e.findings = {f, f, f};
        const QByteArray element = indentedByWriter(e).mid(4);
        for (const qsizetype reserved : {0, 1, 5, 64, 100000}) {
            for (const QByteArray& prefix : {QByteArray(), QByteArray("x"), QByteArray(3000, 'y')}) {
                QByteArray out = prefix;
                out.reserve(reserved);
                const QByteArray shared = out;
                appendIndentedJson(out, e, 1);
                QCOMPARE(out, prefix + element);
                QCOMPARE(shared, prefix);
            }
        }
        QCOMPARE(findingsToCompactJson(e.findings), compactByQt(e.findings));
    }

    // Strings of 0..40 plain characters with one other at each place (escaped, multi-byte, surrogate, the
    // edges of the plain range): the 8-character runs of the string writer and the 16-byte scan of the
    // re-indenter give the same bytes as QJsonDocument at every offset.
    void runsAroundOneCharacter()
    {
        const char16_t others[] = {u'"', u'\\', 0x1f,   0x20,   0x7e,   0x7f,
                                   0x80, 0xff,  0x20ac, 0xd83d, 0xdc00, u'\n'};
        for (int n = 0; n <= 40; ++n) {
            for (int at = 0; at <= n; ++at) {
                for (const char16_t c : others) {
                    QString s(n, u'a');
                    if (at < n)
                        s[at] = QChar(c);
                    Finding f;
                    f.summary = s;
                    f.evidence.insert(s, s);
                    Evaluation e;
                    e.accountId = s;
                    e.findings = {f};
                    QCOMPARE(findingsToCompactJson(e.findings), compactByQt(e.findings));
                    QCOMPARE(indentedByWriter(e), indentedByQt(e));
                    QCOMPARE(indentedFromCompact(e), indentedByQt(e));
                }
            }
        }
    }

    void generatedValues()
    {
        QRandomGenerator rng(20261129);
        for (int round = 0; round < 3000; ++round) {
            QList<Finding> findings;
            const int n = int(rng.bounded(4));
            for (int i = 0; i < n; ++i)
                findings << randomFinding(rng);
            const QByteArray compact = findingsToCompactJson(findings);
            if (compact != compactByQt(findings))
                QFAIL(qPrintable(QStringLiteral("round %1: %2 != %3")
                                     .arg(round)
                                     .arg(QString::fromLatin1(compact.toPercentEncoding()),
                                          QString::fromLatin1(compactByQt(findings).toPercentEncoding()))));
            Evaluation e;
            e.accountId = randomString(rng);
            e.asOf = QDateTime::fromMSecsSinceEpoch(qint64(rng.bounded(1u << 31)) * 1000, Qt::UTC);
            e.policyId = randomString(rng);
            e.policyVersion = randomString(rng);
            e.recommended = Action(rng.bounded(4));
            e.status = AccountStatus(rng.bounded(4));
            e.findings = findings;
            QCOMPARE(indentedByWriter(e), indentedByQt(e));
            QCOMPARE(indentedFromCompact(e), indentedByQt(e));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "test_jsonwriter.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Policy files: the shipped ones load; every kind of bad file is refused with a message naming the file
// and the field.
#include "rules/policy.h"
#include "rules/registry.h"
#include "rules/rule.h"
#include "util/error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ad;
using namespace ad::rules;

namespace {

QJsonObject shipped()
{
    QFile f(QStringLiteral(ABUSEDESK_RESOURCES "/policies/optimais.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the shipped policy");
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Sets a value at a dotted path ("rules.complaint-rate.params.threshold"); an undefined value removes it.
QJsonObject with(QJsonObject o, const QStringList& path, const QJsonValue& v)
{
    if (path.size() == 1) {
        if (v.isUndefined())
            o.remove(path.first());
        else
            o.insert(path.first(), v);
        return o;
    }
    o.insert(path.first(), with(o.value(path.first()).toObject(), path.mid(1), v));
    return o;
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedPoliciesLoad()
    {
        QCOMPARE(Policy::builtinIds(), (QStringList{"optimais", "mailbox-providers"}));
        for (const QString& id : Policy::builtinIds()) {
            const Policy p = Policy::builtin(id);
            QCOMPARE(p.id(), id);
            QVERIFY(!p.version().isEmpty());
            QVERIFY(!p.title().isEmpty());
            for (const QString& rule : catalogueIds()) {
                QVERIFY2(p.rule(rule), qPrintable(id + QLatin1Char(' ') + rule));
                QVERIFY(p.rule(rule)->enabled);
                QVERIFY(!p.rule(rule)->clause.isEmpty());
            }
            QVERIFY(p.strings("role_local_parts").contains("bisnis"));
            QVERIFY(p.strings("platform_domains").size() > 0);
            QVERIFY(p.strings("link_host_allowlist").contains("facebook.com"));
            QCOMPARE(p.number("complaint-rate", "min_volume", -1), 500.0);
            QCOMPARE(p.number("complaint-received", "review_window_days", -1), 90.0);
            QCOMPARE(p.number("proof-request-expired", "proof_deadline_days", -1), 14.0);
            QCOMPARE(p.number("consent-invalid", "consent_invalid_terminate_share", -1), 0.05);
        }
        const Policy o = Policy::builtin("optimais");
        QCOMPARE(o.number("complaint-rate", "threshold", -1), 0.002);
        QCOMPARE(o.param("complaint-rate", "compare").toString(), QStringLiteral("gt"));
        QCOMPARE(o.param("open-rate", "compare").toString(), QStringLiteral("lt"));
        const Policy m = Policy::builtin("mailbox-providers");
        QCOMPARE(m.param("complaint-rate", "levels").toArray().size(), 2);
        QCOMPARE(m.param("bounce-rate", "levels").toArray().size(), 3);
        QCOMPARE(m.param("bounce-rate", "count").toString(), QStringLiteral("hard_bounces"));
    }

    void unknownBuiltin()
    {
        try {
            Policy::builtin("strict");
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(e.toString().contains("unknown policy \"strict\""), qPrintable(e.toString()));
        }
    }

    void fromFileAndMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("mine.json");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(with(shipped(), {"id"}, "mine")).toJson());
        f.close();
        const Policy p = Policy::fromFile(path);
        QCOMPARE(p.id(), QStringLiteral("mine"));
        QCOMPARE(p.sourcePath(), path);
        try {
            Policy::fromFile(dir.filePath("absent.json"));
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(e.toString().contains("absent.json") && e.toString().contains("cannot read policy file"),
                     qPrintable(e.toString()));
        }
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QJsonObject base = shipped();
        auto doc = [](const QJsonObject& o) { return QJsonDocument(o).toJson(); };
        QTest::newRow("malformed") << QByteArray("{\n  \"id\": \"x\",\n  \"version\": }")
                                   << "bad.json:3: malformed JSON at offset";
        QTest::newRow("not an object")
            << QByteArray("[1,2]") << "bad.json: a policy file must hold one JSON object";
        QTest::newRow("unknown rule")
            << doc(with(base, {"rules", "complaint-ratio"},
                        QJsonObject{{"severity", "warn"}, {"clause", "x"}}))
            << "field \"rules.complaint-ratio\": unknown rule id \"complaint-ratio\"";
        QTest::newRow("missing id") << doc(with(base, {"id"}, QJsonValue::Undefined))
                                    << "field \"id\": missing required field";
        QTest::newRow("missing version") << doc(with(base, {"version"}, QJsonValue::Undefined))
                                         << "field \"version\": missing required field";
        QTest::newRow("missing rules")
            << doc(with(base, {"rules"}, QJsonValue::Undefined)) << "field \"rules\": missing required field";
        QTest::newRow("missing clause")
            << doc(with(base, {"rules", "bounce-rate", "clause"}, QJsonValue::Undefined))
            << "field \"rules.bounce-rate.clause\": missing required field";
        QTest::newRow("missing severity")
            << doc(with(base, {"rules", "bounce-rate", "severity"}, QJsonValue::Undefined))
            << "field \"rules.bounce-rate.severity\": missing required field";
        QTest::newRow("missing decisions") << doc(with(base, {"decisions"}, QJsonValue::Undefined))
                                           << "field \"decisions\": missing required field";
        QTest::newRow("negative threshold")
            << doc(with(base, {"rules", "complaint-rate", "params", "threshold"}, -0.1))
            << "field \"rules.complaint-rate.params.threshold\": must not be negative";
        QTest::newRow("share over 1")
            << doc(with(base, {"rules", "complaint-rate", "params", "threshold"}, 2))
            << "field \"rules.complaint-rate.params.threshold\": is a share and must be between 0 and 1";
        QTest::newRow("threshold wrong type")
            << doc(with(base, {"rules", "complaint-rate", "params", "threshold"}, "0.2%"))
            << "field \"rules.complaint-rate.params.threshold\": must be a number, not a string";
        QTest::newRow("negative min_volume") << doc(with(base, {"defaults", "min_volume"}, -5))
                                             << "field \"defaults.min_volume\": must not be negative";
        QTest::newRow("fractional days")
            << doc(with(base, {"rules", "proof-request-expired", "params", "proof_deadline_days"}, 1.5))
            << "field \"rules.proof-request-expired.params.proof_deadline_days\": must be a whole number";
        QTest::newRow("unknown severity") << doc(with(base, {"rules", "bounce-rate", "severity"}, "ban"))
                                          << "field \"rules.bounce-rate.severity\": unknown severity \"ban\"";
        QTest::newRow("unknown level severity")
            << doc(with(base, {"rules", "bounce-rate", "params"},
                        QJsonObject{
                            {"levels", QJsonArray{QJsonObject{{"severity", "block"}, {"threshold", 0.1}}}}}))
            << "field \"rules.bounce-rate.params.levels[0].severity\": unknown severity \"block\"";
        QTest::newRow("level share over 1")
            << doc(with(
                   base, {"rules", "bounce-rate", "params"},
                   QJsonObject{{"levels", QJsonArray{QJsonObject{{"severity", "warn"}, {"threshold", 5}}}}}))
            << "field \"rules.bounce-rate.params.levels[0].threshold\": is a share";
        QTest::newRow("bad compare")
            << doc(with(base, {"rules", "complaint-rate", "params", "compare"}, ">="))
            << "field \"rules.complaint-rate.params.compare\": must be one of \"gt\", \"ge\", \"lt\", \"le\"";
        QTest::newRow("unknown parameter")
            << doc(with(base, {"rules", "complaint-rate", "params", "treshold"}, 0.1))
            << "field \"rules.complaint-rate.params.treshold\": unknown parameter";
        QTest::newRow("unknown top-level field")
            << doc(with(base, {"rulez"}, QJsonObject{})) << "field \"rulez\": unknown field";
        QTest::newRow("enabled wrong type") << doc(with(base, {"rules", "open-rate", "enabled"}, "yes"))
                                            << "field \"rules.open-rate.enabled\": must be true or false";
        QTest::newRow("missing role list")
            << doc(with(base, {"role_local_parts"}, QJsonValue::Undefined))
            << "field \"role_local_parts\": missing required field (an enabled rule uses it)";
        QTest::newRow("list of numbers") << doc(with(base, {"platform_domains"}, QJsonArray{1}))
                                         << "field \"platform_domains[0]\": must be a string";
        QTest::newRow("bad pattern")
            << doc(with(base, {"restricted_content"},
                        QJsonArray{QJsonObject{{"category", "x"}, {"patterns", QJsonArray{"(unclosed"}}}}))
            << "field \"restricted_content[0].patterns[0]\": not a valid regular expression";
        QTest::newRow("second reviewer not bool")
            << doc(with(base, {"decisions", "terminate_requires_second_reviewer"}, 1))
            << "field \"decisions.terminate_requires_second_reviewer\": must be true or false";
        QTest::newRow("bad choice") << doc(with(base, {"rules", "bounce-rate", "params", "count"}, "soft"))
                                    << "field \"rules.bounce-rate.params.count\": must be one of";
    }
    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        try {
            Policy::fromJson(json, QStringLiteral("bad.json"));
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Input);
            QVERIFY2(e.toString().startsWith(QStringLiteral("bad.json")), qPrintable(e.toString()));
            QVERIFY2(e.toString().contains(message), qPrintable(e.toString()));
        }
    }

    void disabledRuleNeedsNoList()
    {
        QJsonObject o = with(shipped(), {"role_local_parts"}, QJsonValue::Undefined);
        o = with(o, {"rules", "role-address", "enabled"}, false);
        const Policy p = Policy::fromJson(QJsonDocument(o).toJson(), "x.json");
        QVERIFY(!p.rule("role-address")->enabled);
    }

    // param(settings, key) — what RuleContext reads per account — answers as param(ruleId, key): the
    // rule's own parameter first, then "defaults", undefined when neither has it.
    void paramBySettingsEqualsParamById()
    {
        QJsonObject o = with(shipped(), {"defaults", "min_volume"}, 750);
        o = with(o, {"rules", "bounce-rate", "params", "min_volume"}, 900);
        const Policy edited = Policy::fromJson(QJsonDocument(o).toJson(), "x.json");
        QCOMPARE(edited.param(*edited.rule("bounce-rate"), "min_volume").toDouble(), 900.0);
        QCOMPARE(edited.param(*edited.rule("complaint-rate"), "min_volume").toDouble(), 750.0);
        QVERIFY(edited.param(*edited.rule("complaint-rate"), "no_such_parameter").isUndefined());
        int compared = 0;
        for (const QString& id : Policy::builtinIds()) {
            const Policy p = Policy::builtin(id);
            for (const Policy* policy : {&p, &edited}) {
                QStringList keys{QStringLiteral("no_such_parameter")};
                keys += policy->raw().value(QStringLiteral("defaults")).toObject().keys();
                for (const QString& rule : catalogueIds()) {
                    if (const Policy::RuleSettings* rs = policy->rule(rule))
                        keys += rs->params.keys();
                }
                for (const QString& rule : catalogueIds()) {
                    const Policy::RuleSettings* rs = policy->rule(rule);
                    if (!rs)
                        continue;
                    for (const QString& key : keys) {
                        QCOMPARE(policy->param(*rs, key), policy->param(rule, key));
                        ++compared;
                    }
                }
            }
        }
        QVERIFY(compared > 100);
    }

    // RuleContext's accessors through the parameters resolved once per Evaluator (ResolvedParams) give
    // what they give through Policy::param, for every rule and key (numbers, strings, lists, absent,
    // asked as another type) of the shipped policies and an edited one (params overriding defaults).
    void resolvedParamsEqualPolicyParams()
    {
        QJsonObject o = with(shipped(), {"defaults", "min_volume"}, 750);
        o = with(o, {"rules", "bounce-rate", "params", "min_volume"}, 900);
        o = with(o, {"rules", "bounce-rate", "params", "count"}, QStringLiteral("hard_bounces"));
        o = with(o, {"rules", "list-source-unknown", "params", "sources"},
                 QJsonArray{QStringLiteral("unknown"), QStringLiteral("other")});
        const Policy edited = Policy::fromJson(QJsonDocument(o).toJson(), "x.json");
        const AccountSnapshot snapshot;
        const QDateTime asOf;
        const QStringList fallbackList{QStringLiteral("fallback")};
        int compared = 0, resolvedLists = 0;
        for (const QString& id : Policy::builtinIds()) {
            const Policy p = Policy::builtin(id);
            for (const Policy* policy : {&p, &edited}) {
                const PreparedPolicy prepared(*policy);
                QStringList keys{QStringLiteral("no_such_parameter")};
                keys += policy->raw().value(QStringLiteral("defaults")).toObject().keys();
                for (const QString& rule : catalogueIds()) {
                    if (const Policy::RuleSettings* rs = policy->rule(rule))
                        keys += rs->params.keys();
                }
                for (const QString& rule : catalogueIds()) {
                    const Policy::RuleSettings* rs = policy->rule(rule);
                    if (!rs)
                        continue;
                    const ResolvedParams resolved(*policy, *rs);
                    const RuleContext plain{snapshot, asOf, *policy, *rs, rule, prepared, nullptr};
                    const RuleContext fast{snapshot, asOf, *policy, *rs, rule, prepared, nullptr, &resolved};
                    for (const QString& key : keys) {
                        QCOMPARE(fast.number(key, -1.5), plain.number(key, -1.5));
                        QCOMPARE(fast.text(key, QStringLiteral("fb")), plain.text(key, QStringLiteral("fb")));
                        QCOMPARE(fast.strings(key, fallbackList), plain.strings(key, fallbackList));
                        if (plain.strings(key, fallbackList) != fallbackList)
                            ++resolvedLists;
                        ++compared;
                    }
                }
            }
        }
        QVERIFY(compared > 100);
        QVERIFY(resolvedLists > 0);
        const ResolvedParams bounce(edited, *edited.rule("bounce-rate"));
        QVERIFY(bounce.find("min_volume") && bounce.find("min_volume")->number == 900);
        QVERIFY(bounce.find("count") && bounce.find("count")->isString);
        QCOMPARE(bounce.find("count")->text, QStringLiteral("hard_bounces"));
        QVERIFY(!bounce.find("no_such_parameter"));
        const ResolvedParams sources(edited, *edited.rule("list-source-unknown"));
        QCOMPARE(sources.find("sources")->strings, (QStringList{"unknown", "other"}));
    }

    void secondReviewerSetting()
    {
        const QJsonObject o = with(shipped(), {"decisions", "terminate_requires_second_reviewer"}, false);
        QVERIFY(!Policy::fromJson(QJsonDocument(o).toJson(), "x.json").terminateNeedsSecondReviewer());
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "test_policy.moc"

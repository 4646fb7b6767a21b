// SPDX-License-Identifier: GPL-3.0-or-later
// Every tr() string of the desktop program has a real translation in abusedesk_en.ts and abusedesk_id.ts.
//
// The test runs lupdate (with the options of the update_translations target) on the sources listed in
// <build>/translations/lupdate_sources.lst, writing into temporary copies of the committed .ts files, then
// reads the copies back. It fails when
//  - a message is new or unfinished (a tr() string nobody translated, or one lupdate guessed),
//  - a translation (or one of its plural forms) is empty,
//  - a message is vanished/obsolete, or the committed file holds a message the sources no longer have
//    (lupdate -no-obsolete drops those, so the committed file is stale),
// and prints each offending context and source text.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <QtDebug>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type;             // the translation's type attribute ("", "unfinished", "vanished", "obsolete")
    QStringList translations; // one per plural form, or the one translation
    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    QString describe() const
    {
        return QStringLiteral("  [%1] \"%2\"%3")
            .arg(context, source, type.isEmpty() ? QString() : u" (" + type + u')');
    }
};

QList<Message> readTs(const QString& path, QString* error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + u": " + f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context") {
                context.clear();
            } else if (name == u"name" && !inMessage) {
                context = xml.readElementText();
            } else if (name == u"message") {
                m = Message{context, {}, {}, {}, {}};
                inMessage = true;
            } else if (inMessage && name == u"source") {
                m.source = xml.readElementText();
            } else if (inMessage && name == u"comment") {
                m.comment = xml.readElementText();
            } else if (inMessage && name == u"translation") {
                m.type = xml.attributes().value(QStringLiteral("type")).toString();
                // Either plain text or <numerusform> children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == u"numerusform")
                        m.translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == u"translation")
                        break;
                }
                if (m.translations.isEmpty())
                    m.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out << m;
            inMessage = false;
        }
    }
    if (xml.hasError())
        *error = path + u": " + xml.errorString();
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyStringTranslated_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("id") << QStringLiteral("id");
    }

    void everyStringTranslated()
    {
        QFETCH(QString, lang);
        const QString committed =
            QStringLiteral(ABUSEDESK_RESOURCES "/translations/abusedesk_%1.ts").arg(lang);
        QVERIFY2(QFile::exists(QStringLiteral(ABUSEDESK_LUPDATE_SOURCES)), ABUSEDESK_LUPDATE_SOURCES);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("abusedesk_%1.ts").arg(lang));
        QVERIFY(QFile::copy(committed, copy));

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(ABUSEDESK_LUPDATE),
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("@" ABUSEDESK_LUPDATE_SOURCES), QStringLiteral("-ts"), copy});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        const QString log = QString::fromUtf8(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));

        QString error;
        const QList<Message> before = readTs(committed, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Message> after = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(after.size() > 400,
                 qPrintable(QStringLiteral("lupdate found only %1 strings:\n%2").arg(after.size()).arg(log)));

        QStringList untranslated;
        QSet<QString> current;
        for (const Message& m : after) {
            current.insert(m.key());
            bool empty = false;
            for (const QString& t : m.translations)
                empty = empty || t.trimmed().isEmpty();
            if (!m.type.isEmpty() || empty)
                untranslated << m.describe();
        }
        QStringList stale;
        for (const Message& m : before)
            if (!current.contains(m.key()) || m.type == u"vanished" || m.type == u"obsolete")
                stale << m.describe();

        QString report;
        if (!untranslated.isEmpty())
            report += QStringLiteral("%1 string(s) without a translation in abusedesk_%2.ts (run the "
                                     "update_translations target, then translate them):\n%3\n")
                          .arg(untranslated.size())
                          .arg(lang, untranslated.join(u'\n'));
        if (!stale.isEmpty())
            report += QStringLiteral("%1 entr(y/ies) in abusedesk_%2.ts that the sources no longer have "
                                     "(run the update_translations target):\n%3\n")
                          .arg(stale.size())
                          .arg(lang, stale.join(u'\n'));
        if (!report.isEmpty()) {
            // QTest truncates long failure messages: the whole list goes to the log first.
            qWarning().noquote() << report;
            QFAIL(qPrintable(report.left(800) + u"… (full list above)"));
        }
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"

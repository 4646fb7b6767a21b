// SPDX-License-Identifier: GPL-3.0-or-later
// The Debian package: built with CPack, its control fields and file list checked, unpacked into a
// temporary root, and the unpacked abusedesk-cli run on the demo bundle the package ships.
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, const QString& workDir = {}, int timeoutMs = 600000)
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ABUSEDESK_RESOURCES")); // the unpacked program must find its own data
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_deb;
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char* tool : {"cpack", "dpkg-deb", "desktop-file-validate", "appstreamcli"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
        const Run r = run(QStringLiteral("cpack"),
                          {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                           QStringLiteral(ABUSEDESK_CPACK_CONFIG), QStringLiteral("-B"), m_dir.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList debs = QDir(m_dir.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = m_dir.filePath(debs.constFirst());
        m_root = m_dir.filePath(QStringLiteral("root"));
    }

    void controlFields()
    {
        const Run r = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Package: abusedesk\n")));
        QVERIFY(r.out.contains(QStringLiteral("Version: " ABUSEDESK_PROJECT_VERSION "\n")));
        QVERIFY(r.out.contains(QStringLiteral("Architecture: amd64")) ||
                r.out.contains(QStringLiteral("Architecture: ")));
        const QString depends =
            r.out.section(QStringLiteral("Depends: "), 1).section(QLatin1Char('\n'), 0, 0);
        // Found by dpkg-shlibdeps from the binaries, plus the run-time plugins listed by hand.
        for (const char* dep : {"libqt6core6", "libqt6widgets6", "libqt6webenginecore6", "libgmime-3.0",
                                "libsqlite3-0", "libxml2", "libarchive13", "qt6-qpa-plugins"})
            QVERIFY2(
                depends.contains(QString::fromLatin1(dep)),
                qPrintable(QStringLiteral("%1 missing from: %2").arg(QString::fromLatin1(dep), depends)));
    }

    void fileList()
    {
        const Run r = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QCOMPARE(r.exitCode, 0);
        for (const char* path :
             {"./usr/bin/abusedesk", "./usr/bin/abusedesk-cli",
              "./usr/share/applications/org.optimais.AbuseDesk.desktop",
              "./usr/share/metainfo/org.optimais.AbuseDesk.metainfo.xml",
              "./usr/share/icons/hicolor/scalable/apps/org.optimais.AbuseDesk.svg",
              "./usr/share/icons/hicolor/48x48/apps/org.optimais.AbuseDesk.png",
              "./usr/share/icons/hicolor/256x256/apps/org.optimais.AbuseDesk.png",
              "./usr/share/abusedesk/policies/optimais.json",
              "./usr/share/abusedesk/policies/mailbox-providers.json",
              "./usr/share/abusedesk/notices/warn.id.txt",
              "./usr/share/abusedesk/demo/optimais-demo/manifest.json", "./usr/share/doc/abusedesk/COPYING"})
            QVERIFY2(r.out.contains(QString::fromLatin1(path)), path);
        QVERIFY2(!r.out.contains(QStringLiteral(".ts\n")), "translation sources must not be shipped");
    }

    void unpackedCliWorks()
    {
        QVERIFY(QDir().mkpath(m_root));
        Run r = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
        QCOMPARE(r.exitCode, 0);
        const QString cli = m_root + QStringLiteral("/usr/bin/abusedesk-cli");
        QVERIFY(QFileInfo(cli).isExecutable());
        r = run(cli, {QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("abusedesk-cli " ABUSEDESK_PROJECT_VERSION "\n"));
        const QString db = m_dir.filePath(QStringLiteral("store.sqlite"));
        const QString demo = m_root + QStringLiteral("/usr/share/abusedesk/demo/optimais-demo");
        r = run(cli, {QStringLiteral("import"), demo, QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(summary.value(QStringLiteral("accounts")).toInt() > 0);
        r = run(cli, {QStringLiteral("evaluate"), QStringLiteral("--json"), QStringLiteral("--db"), db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray accounts = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(accounts.size(), summary.value(QStringLiteral("accounts")).toInt());
    }

    void desktopIntegrationValidates()
    {
        Run r = run(QStringLiteral("desktop-file-validate"),
                    {m_root + QStringLiteral("/usr/share/applications/org.optimais.AbuseDesk.desktop")});
        QVERIFY2(r.exitCode == 0 && r.out.trimmed().isEmpty(), qPrintable(r.out + r.err));
        r = run(QStringLiteral("appstreamcli"),
                {QStringLiteral("validate"), QStringLiteral("--no-net"),
                 m_root + QStringLiteral("/usr/share/metainfo/org.optimais.AbuseDesk.metainfo.xml")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const Run ver = run(m_root + QStringLiteral("/usr/bin/abusedesk"), {QStringLiteral("--version")});
        QCOMPARE(ver.exitCode, 0);
        QCOMPARE(ver.out, QStringLiteral("abusedesk " ABUSEDESK_PROJECT_VERSION "\n"));
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "test_package.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/settings.h"

#include "rules/policy.h"
#include "util/paths.h"

#include <QDir>
#include <QLocale>
#include <QSettings>

namespace ad::ui {

namespace {
const QString kReviewer = QStringLiteral("reviewer/name");
const QString kLanguage = QStringLiteral("ui/language");
const QString kPolicyId = QStringLiteral("policy/id");
const QString kPolicyFile = QStringLiteral("policy/file");
const QString kStore = QStringLiteral("store/path");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kQueueHeader = QStringLiteral("window/queueHeader");
const QString kLastImport = QStringLiteral("import/lastFolder");
} // namespace

Settings::Settings() : m_settings(new QSettings(QStringLiteral("OPTIMAIS"), QStringLiteral("abusedesk"))) {}

Settings::~Settings()
{
    delete m_settings;
}

QString Settings::systemUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        user = QStringLiteral("reviewer");
    return user;
}

QString Settings::reviewer() const
{
    const QString v = m_settings->value(kReviewer).toString().trimmed();
    return v.isEmpty() ? systemUser() : v;
}

void Settings::setReviewer(const QString& name)
{
    m_settings->setValue(kReviewer, name.trimmed());
}

QStringList Settings::languages()
{
    return {QStringLiteral("en"), QStringLiteral("id")};
}

QString Settings::language() const
{
    const QString v = m_settings->value(kLanguage).toString();
    if (languages().contains(v))
        return v;
    return QLocale().language() == QLocale::Indonesian ? QStringLiteral("id") : QStringLiteral("en");
}

void Settings::setLanguage(const QString& lang)
{
    if (languages().contains(lang))
        m_settings->setValue(kLanguage, lang);
}

QString Settings::policyId() const
{
    const QString v = m_settings->value(kPolicyId).toString();
    return v.isEmpty() ? QStringLiteral("optimais") : v;
}

QString Settings::policyFile() const
{
    return m_settings->value(kPolicyFile).toString();
}

void Settings::setBuiltinPolicy(const QString& id)
{
    m_settings->setValue(kPolicyId, id);
    m_settings->remove(kPolicyFile);
}

void Settings::setPolicyFile(const QString& path)
{
    m_settings->setValue(kPolicyFile, path);
}

rules::Policy Settings::loadPolicy() const
{
    const QString file = policyFile();
    if (!file.isEmpty())
        return rules::Policy::fromFile(file);
    return rules::Policy::builtin(policyId());
}

QString Settings::storePath() const
{
    return m_settings->value(kStore).toString();
}

void Settings::setStorePath(const QString& path)
{
    m_settings->setValue(kStore, path);
}

QString Settings::effectiveStorePath() const
{
    const QString p = storePath();
    return p.isEmpty() ? paths::defaultStorePath() : p;
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& g)
{
    m_settings->setValue(kGeometry, g);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void Settings::setWindowState(const QByteArray& s)
{
    m_settings->setValue(kState, s);
}

QByteArray Settings::splitterState() const
{
    return m_settings->value(kSplitter).toByteArray();
}

void Settings::setSplitterState(const QByteArray& s)
{
    m_settings->setValue(kSplitter, s);
}

QByteArray Settings::queueHeaderState() const
{
    return m_settings->value(kQueueHeader).toByteArray();
}

void Settings::setQueueHeaderState(const QByteArray& s)
{
    m_settings->setValue(kQueueHeader, s);
}

QString Settings::lastImportFolder() const
{
    return m_settings->value(kLastImport, QDir::homePath()).toString();
}

void Settings::setLastImportFolder(const QString& dir)
{
    m_settings->setValue(kLastImport, dir);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace ad::ui

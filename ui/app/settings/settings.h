// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The desktop program's settings, typed, over QSettings (organisation "OPTIMAIS", application
// "abusedesk"). Tests isolate them with QStandardPaths::setTestModeEnabled(true), which moves
// QSettings' files into a test location.

#include <QByteArray>
#include <QString>
#include <QStringList>

class QSettings;

namespace ad::rules {
class Policy;
}

namespace ad::ui {

class Settings
{
public:
    Settings();
    ~Settings();

    // Reviewer name recorded on every decision. Default: the operating-system user.
    QString reviewer() const;
    void setReviewer(const QString& name);
    static QString systemUser();

    // User-interface language: "en" or "id". Default: "id" when the system locale is Indonesian, else "en".
    // Applied at the next start of the program.
    QString language() const;
    void setLanguage(const QString& lang);
    static QStringList languages();

    // Policy: a builtin id ("optimais", "mailbox-providers") or the path of a policy file.
    // policyFile() non-empty wins over policyId().
    QString policyId() const;
    QString policyFile() const;
    void setBuiltinPolicy(const QString& id);
    void setPolicyFile(const QString& path);
    // Loads the configured policy (throws ad::Error when the file is malformed).
    rules::Policy loadPolicy() const;

    // The case store; empty = ad::paths::defaultStorePath().
    QString storePath() const;
    void setStorePath(const QString& path);
    QString effectiveStorePath() const;

    // Window geometry, toolbar/dock state and the queue/case splitter.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& g);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& s);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray& s);
    QByteArray queueHeaderState() const;
    void setQueueHeaderState(const QByteArray& s);

    // The folder of the last bundle imported (for the file dialog).
    QString lastImportFolder() const;
    void setLastImportFolder(const QString& dir);

    void sync();

private:
    QSettings* m_settings;
};

} // namespace ad::ui

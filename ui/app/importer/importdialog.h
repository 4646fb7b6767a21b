// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QPlainTextEdit;
class QTimer;
class QFormLayout;

namespace ad::ui {

class BackgroundJob;

// Progress of an import (and the evaluation after it): bytes and rows read, the file being read, a
// working Cancel; afterwards the summary and warnings, or the refusal with file, line, column and value.
// Non-modal (open()): the main window stays usable.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    ImportDialog(BackgroundJob* job, QWidget* parent = nullptr);

    QPushButton* cancelButton() const { return m_cancel; }
    QString outcomeText() const;
    // The refusal's fields as shown (empty when the import succeeded).
    QString refusalFile() const { return m_refusal[0]; }
    QString refusalLine() const { return m_refusal[1]; }
    QString refusalColumn() const { return m_refusal[2]; }
    QString refusalValue() const { return m_refusal[3]; }

protected:
    void closeEvent(QCloseEvent* e) override;
    void reject() override;

private:
    void poll();
    void jobFinished();

    BackgroundJob* m_job;
    QLabel* m_phase;
    QProgressBar* m_bar;
    QLabel* m_detail;
    QLabel* m_outcome;
    QWidget* m_refusalBox;
    QLabel* m_refusalLabels[5];
    QString m_refusal[4];
    QPlainTextEdit* m_warnings;
    QPushButton* m_cancel;
    QPushButton* m_close;
    QTimer* m_timer;
};

} // namespace ad::ui

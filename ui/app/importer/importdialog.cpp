// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer/importdialog.h"

#include "common/labels.h"
#include "common/severitystyle.h"
#include "importer/importtask.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ad::ui {

ImportDialog::ImportDialog(BackgroundJob* job, QWidget* parent) : QDialog(parent), m_job(job)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(job->isImport() ? tr("Import %1").arg(QFileInfo(job->bundlePath()).fileName())
                                   : tr("Evaluating all accounts"));
    m_phase = new QLabel(tr("Starting…"), this);
    QFont bold = m_phase->font();
    bold.setBold(true);
    m_phase->setFont(bold);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("importProgress"));
    m_bar->setAccessibleName(tr("Import progress"));
    m_bar->setRange(0, 0);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("importDetail"));
    m_detail->setWordWrap(true);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("importOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_refusalBox = new QWidget(this);
    setTintedBackground(m_refusalBox, problemBackground(palette()));
    auto* form = new QFormLayout(m_refusalBox);
    const QStringList names{tr("File:"), tr("Line:"), tr("Column:"), tr("Value:"), tr("Reason:")};
    for (int i = 0; i < 5; ++i) {
        m_refusalLabels[i] = new QLabel(m_refusalBox);
        m_refusalLabels[i]->setTextFormat(Qt::PlainText);
        m_refusalLabels[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_refusalLabels[i]->setWordWrap(true);
        form->addRow(names[i], m_refusalLabels[i]);
    }
    m_refusalBox->setVisible(false);

    m_warnings = new QPlainTextEdit(this);
    m_warnings->setObjectName(QStringLiteral("importWarnings"));
    m_warnings->setReadOnly(true);
    m_warnings->setVisible(false);
    m_warnings->setMaximumHeight(140);

    auto* buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setVisible(false);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_job->cancel();
        m_cancel->setEnabled(false);
        m_phase->setText(tr("Cancelling…"));
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_phase);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(m_outcome);
    layout->addWidget(m_refusalBox);
    layout->addWidget(m_warnings);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(620, 260);

    m_timer = new QTimer(this);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ImportDialog::poll);
    m_timer->start();
    connect(job, &BackgroundJob::finished, this, &ImportDialog::jobFinished);
    if (!job->isRunning() && job->progress().phase == BackgroundJob::Phase::Done)
        jobFinished();
}

void ImportDialog::poll()
{
    const BackgroundJob::Progress p = m_job->progress();
    const QLocale loc;
    switch (p.phase) {
    case BackgroundJob::Phase::Waiting:
    case BackgroundJob::Phase::Done:
        return;
    case BackgroundJob::Phase::Importing:
        if (m_cancel->isEnabled())
            m_phase->setText(tr("Importing (step 1 of 2)…"));
        if (p.bytesTotal > 0) {
            m_bar->setRange(0, 1000);
            m_bar->setValue(int(1000.0 * double(p.bytesRead) / double(p.bytesTotal)));
        }
        m_detail->setText(tr("%1 of %2 read · %3 rows · %4")
                              .arg(loc.formattedDataSize(p.bytesRead), loc.formattedDataSize(p.bytesTotal),
                                   loc.toString(p.rows), p.file));
        break;
    case BackgroundJob::Phase::Evaluating:
        if (m_cancel->isEnabled())
            m_phase->setText(m_job->isImport() ? tr("Evaluating the rules (step 2 of 2)…")
                                               : tr("Evaluating the rules…"));
        if (p.accounts > 0) {
            m_bar->setRange(0, int(std::min<qint64>(p.accounts, std::numeric_limits<int>::max())));
            m_bar->setValue(int(p.evaluated));
        }
        m_detail->setText(
            tr("%1 of %2 accounts evaluated").arg(loc.toString(p.evaluated), loc.toString(p.accounts)));
        break;
    }
}

void ImportDialog::jobFinished()
{
    m_timer->stop();
    poll();
    const BackgroundJob::Result& r = m_job->result();
    m_cancel->setVisible(false);
    m_close->setVisible(true);
    m_close->setDefault(true);
    m_close->setFocus();
    m_bar->setRange(0, 1);
    m_bar->setValue(1);
    if (r.error) {
        const Error& e = *r.error;
        m_phase->setText(r.imported ? tr("Imported, but the evaluation failed")
                                    : tr("The bundle was refused; the case store was not changed."));
        m_refusal[0] = e.file();
        m_refusal[1] = e.line() > 0 ? QString::number(e.line()) : QString();
        m_refusal[2] = e.column();
        m_refusal[3] = e.value();
        const QString values[5]{
            m_refusal[0], m_refusal[1], m_refusal[2],
            e.value().isEmpty() && e.column().isEmpty() ? QString() : QStringLiteral("\"%1\"").arg(e.value()),
            e.message()};
        for (int i = 0; i < 5; ++i)
            m_refusalLabels[i]->setText(values[i].isEmpty() ? QStringLiteral("—") : values[i]);
        m_refusalBox->setVisible(true);
        m_outcome->setText(e.toString());
        m_bar->setValue(0);
    } else if (r.cancelled && !r.imported && m_job->isImport()) {
        m_phase->setText(tr("Import cancelled; the case store was not changed."));
        m_outcome->setText(tr("Nothing was imported."));
        m_bar->setValue(0);
    } else {
        QString text;
        if (r.imported) {
            text = r.summary;
            if (r.previousImportId != 0)
                text +=
                    QLatin1Char('\n') + tr("This bundle had already been imported (import #%1); its data was "
                                           "replaced with the same content.")
                                            .arg(r.previousImportId);
        }
        if (r.cancelled)
            text += QLatin1Char('\n') +
                    tr("Evaluation cancelled after %n account(s): use View ▸ Re-evaluate all.", nullptr,
                       int(r.accountsEvaluated));
        else
            text += QLatin1Char('\n') + tr("%n account(s) evaluated.", nullptr, int(r.accountsEvaluated));
        m_phase->setText(r.imported ? tr("Import complete") : tr("Evaluation complete"));
        m_outcome->setText(text.trimmed());
        if (!r.warnings.isEmpty()) {
            m_warnings->setPlainText(tr("%n warning(s):", nullptr, int(r.warnings.size())) +
                                     QLatin1Char('\n') + r.warnings.join(QLatin1Char('\n')));
            m_warnings->setVisible(true);
        }
    }
    adjustSize();
}

QString ImportDialog::outcomeText() const
{
    return m_phase->text() + QLatin1Char('\n') + m_outcome->text();
}

void ImportDialog::closeEvent(QCloseEvent* e)
{
    if (m_job->isRunning()) {
        m_job->cancel();
        e->ignore();
        return;
    }
    QDialog::closeEvent(e);
}

void ImportDialog::reject()
{
    // Escape cancels a running job; once it is done it closes the dialog.
    if (m_job->isRunning()) {
        m_job->cancel();
        m_cancel->setEnabled(false);
        m_phase->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace ad::ui

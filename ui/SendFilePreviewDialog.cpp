#include "SendFilePreviewDialog.h"

#include <QDialogButtonBox>
#include <QFileIconProvider>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gd {
namespace {

constexpr int kPreviewSide = 240;

struct CheckOutcome
{
    FileCheckResult result;
    QImage thumbnail;
};

} // namespace

SendFilePreviewDialog::SendFilePreviewDialog(const QString &path, const QString &targetTitle,
                                             QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_preview(new QLabel(this))
    , m_name(new QLabel(this))
    , m_target(new QLabel(this))
    , m_message(new QLabel(this))
    , m_sendButton(nullptr)
{
    setWindowTitle(tr("Send File"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(kPreviewSide / 2, kPreviewSide / 2);
    m_name->setObjectName(QStringLiteral("fileName"));
    m_name->setText(QFileInfo(path).fileName());
    m_name->setTextFormat(Qt::PlainText);
    m_name->setWordWrap(true);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setTextFormat(Qt::PlainText);
    m_target->setText(tr("Send to %1").arg(targetTitle));
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setText(tr("Checking the file…"));

    auto *buttons = new QDialogButtonBox(this);
    m_sendButton = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setEnabled(false);
    // Enter sends (the preview is a confirmation); only Esc or a click cancels.
    m_sendButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_target);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_name);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    // Reading and decoding may take a while for large files: worker thread.
    auto *watcher = new QFutureWatcher<CheckOutcome>(this);
    connect(watcher, &QFutureWatcher<CheckOutcome>::finished, this, [this, watcher] {
        const CheckOutcome outcome = watcher->result();
        watcher->deleteLater();
        onChecked(outcome.result, outcome.thumbnail);
    });
    watcher->setFuture(QtConcurrent::run([path] {
        CheckOutcome out;
        out.result = FileCheck::checkFile(path);
        if (out.result.ok && out.result.isImage) {
            QImage image = QImage::fromData(out.result.bytes);
            if (image.width() <= kPreviewSide && image.height() <= kPreviewSide)
                out.thumbnail = image; // small images are shown as they are
            else if (!image.isNull())
                out.thumbnail = image.scaled(kPreviewSide, kPreviewSide, Qt::KeepAspectRatio,
                                             Qt::SmoothTransformation);
        }
        out.result.bytes.clear(); // the outbox reads the file again; don't hold it
        return out;
    }));
}

QString SendFilePreviewDialog::targetText() const
{
    return m_target->text();
}

QString SendFilePreviewDialog::validationMessage() const
{
    return m_checked && !m_ok ? m_message->text() : QString();
}

void SendFilePreviewDialog::onChecked(const FileCheckResult &result, const QImage &thumbnail)
{
    m_checked = true;
    m_ok = result.ok;
    if (!thumbnail.isNull()) {
        m_preview->setPixmap(QPixmap::fromImage(thumbnail));
    } else {
        const QIcon icon = QFileIconProvider().icon(QFileInfo(m_path));
        m_preview->setPixmap(icon.pixmap(64, 64));
    }
    const QString size = QLocale().formattedDataSize(result.size);
    m_name->setText(tr("%1 (%2)").arg(QFileInfo(m_path).fileName(), size));
    m_message->setText(result.ok ? QString() : result.error);
    m_message->setVisible(!result.ok);
    m_sendButton->setEnabled(result.ok);
    if (result.ok)
        m_sendButton->setFocus(); // focus had gone to Cancel while Send was disabled
    emit checkFinished(result.ok);
}

} // namespace gd

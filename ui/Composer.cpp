#include "Composer.h"

#include "ComposerEdit.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QKeySequence>
#include <QMimeData>
#include <QPointer>
#include <QKeyEvent>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QtConcurrent/QtConcurrentRun>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gd {

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_edit(new ComposerEdit(this))
    , m_sendButton(new QPushButton(tr("Send"), this))
    , m_fileButton(new QPushButton(tr("Image or File…"), this))
    , m_hint(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("composer"));
    setAttribute(Qt::WA_StyledBackground);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setCursor(Qt::PointingHandCursor);
    m_hint->setObjectName(QStringLiteral("composerHint"));
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    m_edit->setFixedHeight(88);

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_hint, 1);
    bottom->addWidget(m_fileButton);
    bottom->addWidget(m_sendButton);
    m_fileButton->setObjectName(QStringLiteral("sendFileButton"));
    m_fileButton->setToolTip(tr("Send an image or a file to this group"));
    connect(m_fileButton, &QPushButton::clicked, this, &Composer::chooseFile);
    // Ctrl+V with an image on the clipboard sends the image; text pastes as usual.
    m_edit->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 8, 14, 10);
    layout->setSpacing(4);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addLayout(bottom);

    connect(m_edit, &ComposerEdit::submitted, this, &Composer::submit);
    connect(m_sendButton, &QPushButton::clicked, this, &Composer::submit);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_error->isVisible() && m_edit->document()->characterCount() <= kMaxTextLength + 1)
            m_error->hide();
    });
    updateState();
}

void Composer::setConversation(const QString &accountId, const QString &conversationId,
                               const QString &title)
{
    m_accountId = accountId;
    m_conversationId = conversationId;
    m_edit->setPlaceholderText(conversationId.isEmpty() ? QString() : tr("Message %1").arg(title));
    m_error->hide();
    updateState();
}

void Composer::updateState()
{
    const bool enabled = !m_conversationId.isEmpty();
    m_edit->setEnabled(enabled);
    m_sendButton->setEnabled(enabled);
    m_fileButton->setEnabled(enabled);
    m_hint->setText(enabled ? tr("Enter to send, Shift+Enter for a new line")
                            : tr("Select a group to start answering"));
}

void Composer::chooseFile()
{
    if (m_conversationId.isEmpty())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Send Image or File"),
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation));
    if (!path.isEmpty())
        emit fileSendRequested(m_accountId, m_conversationId, path);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Paste) && pasteImage())
        return true;
    return QWidget::eventFilter(watched, event);
}

bool Composer::pasteImage()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (m_conversationId.isEmpty() || !mime || !mime->hasImage())
        return false;
    const QImage image = qvariant_cast<QImage>(mime->imageData());
    if (image.isNull())
        return false;
    // PNG encoding of a big screenshot takes a moment: worker thread.
    const QString accountId = m_accountId;
    const QString conversationId = m_conversationId;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this,
            [this, watcher, accountId, conversationId] {
                const QString path = watcher->result();
                watcher->deleteLater();
                if (path.isEmpty())
                    showError(tr("The pasted image could not be saved for sending."));
                else
                    emit fileSendRequested(accountId, conversationId, path);
            });
    watcher->setFuture(QtConcurrent::run([image] {
        QTemporaryFile file(QDir::temp().filePath(QStringLiteral("groupdesk-paste-XXXXXX.png")));
        file.setAutoRemove(false); // the outbox copies it; the temp dir is cleaned by the OS
        if (!file.open() || !image.save(&file, "PNG"))
            return QString();
        return file.fileName();
    }));
    return true;
}

void Composer::showError(const QString &error)
{
    m_error->setText(error);
    m_error->show();
}

bool Composer::submit()
{
    if (m_conversationId.isEmpty())
        return false;
    const QString text = m_edit->toPlainText();
    if (text.trimmed().isEmpty())
        return false;
    if (text.size() > kMaxTextLength) {
        showError(tr("This message is %1 characters long; WeChat accepts at most %2. "
                     "Please shorten it or split it.")
                      .arg(text.size())
                      .arg(kMaxTextLength));
        return false;
    }
    m_error->hide();
    emit sendRequested(m_accountId, m_conversationId, text.trimmed());
    m_edit->clear();
    return true;
}

} // namespace gd

#include "Composer.h"

#include "ComposerEdit.h"
#include "Theme.h"
#include "ops/QuickReplyCatalog.h"
#include "ops/QuickReplyPicker.h"
#include "ops/ReplyTemplate.h"

#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QKeySequence>
#include <QMimeData>
#include <QPointer>
#include <QFileInfo>
#include <QKeyEvent>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTextCursor>
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
    , m_laterButton(new QPushButton(tr("Later…"), this))
    , m_hint(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("composer"));
    setAttribute(Qt::WA_StyledBackground);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setCursor(Qt::PointingHandCursor);
    m_hint->setObjectName(QStringLiteral("composerHint"));
    // Wraps instead of setting a minimum width for the whole window.
    m_hint->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    m_edit->setFixedHeight(88);

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_hint, 1);
    bottom->addWidget(m_fileButton);
    bottom->addWidget(m_laterButton);
    m_laterButton->setObjectName(QStringLiteral("sendLaterButton"));
    m_laterButton->setToolTip(tr("Send this message (or a picture) at a time you choose"));
    connect(m_laterButton, &QPushButton::clicked, this, [this] {
        if (!m_conversationId.isEmpty())
            emit sendLaterRequested(m_accountId, m_conversationId, m_edit->toPlainText().trimmed());
    });
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
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::updateMentionPicker);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, &Composer::updateMentionPicker);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::updateQuickReplyPicker);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this,
            &Composer::updateQuickReplyPicker);
    updateState();
}

void Composer::setConversation(const QString &accountId, const QString &conversationId,
                               const QString &title)
{
    m_accountId = accountId;
    m_conversationId = conversationId;
    m_title = title;
    m_customer.clear();
    if (m_replyPicker)
        m_replyPicker->hide();
    m_members.clear();
    m_mentioned.clear();
    if (m_picker)
        m_picker->hide();
    m_edit->setPlaceholderText(conversationId.isEmpty() ? QString() : tr("Message %1").arg(title));
    m_error->hide();
    updateState();
}

void Composer::setTitle(const QString &title)
{
    m_title = title;
    if (!m_conversationId.isEmpty())
        m_edit->setPlaceholderText(tr("Message %1").arg(title));
}

void Composer::updateState()
{
    const bool enabled = !m_conversationId.isEmpty();
    m_edit->setEnabled(enabled);
    m_sendButton->setEnabled(enabled);
    m_fileButton->setEnabled(enabled);
    m_laterButton->setEnabled(enabled);
    if (!enabled)
        m_hint->setText(tr("Select a group to start answering"));
    else if (!m_connected)
        m_hint->setText(tr("Not connected: messages are queued and sent when the account is "
                           "back online"));
    else
        m_hint->setText(tr("Enter to send, Shift+Enter for a new line"));
    m_hint->setStyleSheet(enabled && !m_connected
                              ? QStringLiteral("color: %1;").arg(Theme::warning().name())
                              : QString());
}

void Composer::setAccountConnected(bool connected)
{
    if (connected == m_connected)
        return;
    m_connected = connected;
    updateState();
}

QString Composer::hintText() const
{
    return m_hint->text();
}

void Composer::chooseFile()
{
    if (m_conversationId.isEmpty())
        return;
    // Images first (what agents send most), everything else one choice away;
    // the dialog opens where the last file came from.
    QSettings settings;
    const QString startDir
        = settings
              .value(QLatin1String(kLastFileDirKey),
                     QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
              .toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Send Image or File"), startDir,
        tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QLatin1String(kLastFileDirKey), QFileInfo(path).absolutePath());
    emit fileSendRequested(m_accountId, m_conversationId, path);
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    const bool replyPickerOpen = m_replyPicker && m_replyPicker->isVisible();
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride && replyPickerOpen
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept();
        return true;
    }
    if (watched == m_edit && event->type() == QEvent::KeyPress && replyPickerOpen) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Up:
            m_replyPicker->moveSelection(-1);
            return true;
        case Qt::Key_Down:
            m_replyPicker->moveSelection(+1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            acceptQuickReply();
            return true;
        case Qt::Key_Escape:
            m_replyPicker->hide();
            m_slashStart = -1;
            return true;
        default:
            break;
        }
    }
    if (watched == m_edit && event->type() == QEvent::ShortcutOverride && m_picker
        && m_picker->isVisible() && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        event->accept(); // Esc closes the picker, not the window's panels
        return true;
    }
    if (watched == m_edit && event->type() == QEvent::KeyPress && m_picker
        && m_picker->isVisible()) {
        // The picker has no focus of its own: steer it from the editor.
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Up:
            m_picker->moveSelection(-1);
            return true;
        case Qt::Key_Down:
            m_picker->moveSelection(+1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            acceptMention(m_picker->current());
            return true;
        case Qt::Key_Escape:
            m_picker->hide();
            m_mentionStart = -1;
            return true;
        default:
            break;
        }
    }
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
    const QStringList ids = mentionIds();
    emit sendRequested(m_accountId, m_conversationId, text.trimmed(), ids);
    m_mentioned.clear();
    m_edit->clear();
    return true;
}

void Composer::setMembers(const QVector<MentionCandidate> &members)
{
    m_members = members;
    if (m_picker)
        m_picker->setCandidates(members);
}

void Composer::insertMention(const QString &contactId, const QString &name)
{
    if (m_conversationId.isEmpty() || contactId.isEmpty())
        return;
    // WeChat ends a mention with U+2005 (a narrow space) so the name stays whole.
    m_edit->insertPlainText(QLatin1Char('@') + name + QChar(0x2005));
    m_mentioned.append({contactId, name});
    m_edit->setFocus();
}

void Composer::insertQuote(const QString &senderName, const QString &text)
{
    if (m_conversationId.isEmpty())
        return;
    QString quoted = text.simplified();
    if (quoted.size() > 80)
        quoted = quoted.left(80) + QChar(0x2026);
    const QString quote = tr("「%1: %2」").arg(senderName, quoted);
    const QString separator = QStringLiteral("- - - - - - - - - - - - - - -");
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::Start);
    cursor.insertText(quote + QLatin1Char('\n') + separator + QLatin1Char('\n'));
    // The answer goes under the quote: the cursor waits at the end.
    m_edit->moveCursor(QTextCursor::End);
    m_edit->setFocus();
}

QStringList Composer::mentionIds() const
{
    return mentionIdsIn(m_edit->toPlainText());
}

QStringList Composer::mentionIdsIn(const QString &text) const
{
    QStringList ids;
    for (const MentionCandidate &c : m_mentioned) {
        // A mention deleted from the text is not sent.
        if (text.contains(QLatin1Char('@') + c.name) && !ids.contains(c.id))
            ids.append(c.id);
    }
    return ids;
}

void Composer::updateMentionPicker()
{
    if (m_members.isEmpty() || m_conversationId.isEmpty()) {
        if (m_picker)
            m_picker->hide();
        return;
    }
    // The @ being typed: before the cursor, with no space after it.
    const QString text = m_edit->toPlainText();
    const int cursor = m_edit->textCursor().position();
    int at = -1;
    for (int i = cursor - 1; i >= 0 && cursor - i <= 24; --i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('@')) {
            at = i;
            break;
        }
        if (c.isSpace() || c == QChar(0x2005))
            break;
    }
    if (at < 0) {
        m_mentionStart = -1;
        if (m_picker)
            m_picker->hide();
        return;
    }
    if (!m_picker) {
        m_picker = new MentionPicker(window());
        m_picker->setCandidates(m_members);
        connect(m_picker, &MentionPicker::chosen, this, &Composer::acceptMention);
    }
    m_mentionStart = at;
    if (m_picker->setFilter(text.mid(at + 1, cursor - at - 1)) == 0) {
        m_picker->hide();
        return;
    }
    // Over the feed, just above the editor, at the @.
    const QRect caret = m_edit->cursorRect();
    const int width = 260;
    QPoint topLeft = m_edit->viewport()->mapTo(window(), QPoint(caret.left(), 0));
    topLeft.ry() -= m_picker->height() + 4;
    topLeft.rx() = qBound(0, topLeft.x(), window()->width() - width);
    m_picker->setGeometry(QRect(topLeft, QSize(width, m_picker->height())));
    m_picker->show();
    m_picker->raise();
}

void Composer::acceptMention(const MentionCandidate &candidate)
{
    if (candidate.id.isEmpty() || m_mentionStart < 0) {
        if (m_picker)
            m_picker->hide();
        return;
    }
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(m_mentionStart);
    cursor.setPosition(m_edit->textCursor().position(), QTextCursor::KeepAnchor);
    m_mentionStart = -1;
    cursor.insertText(QLatin1Char('@') + candidate.name + QChar(0x2005));
    m_edit->setTextCursor(cursor);
    m_mentioned.append(candidate);
    m_picker->hide();
    m_edit->setFocus();
}

void Composer::setQuickReplies(QuickReplyCatalog *catalog, const QString &agent)
{
    m_replies = catalog;
    m_agent = agent;
}

void Composer::setCustomerName(const QString &name)
{
    m_customer = name;
}

QString Composer::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void Composer::updateQuickReplyPicker()
{
    if (!m_replies || m_conversationId.isEmpty()) {
        if (m_replyPicker)
            m_replyPicker->hide();
        return;
    }
    // "/abc" before the cursor, the "/" at the start of a line or after a
    // space (so a URL or "1/2" does not open it).
    const QString text = m_edit->toPlainText();
    const int cursor = m_edit->textCursor().position();
    int slash = -1;
    for (int i = cursor - 1; i >= 0 && cursor - i <= 17; --i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('/')) {
            if (i == 0 || text.at(i - 1).isSpace())
                slash = i;
            break;
        }
        if (c.isSpace())
            break;
    }
    if (slash < 0) {
        m_slashStart = -1;
        if (m_replyPicker)
            m_replyPicker->hide();
        return;
    }
    const QVector<QuickReply> matches
        = m_replies->library().complete(text.mid(slash + 1, cursor - slash - 1), m_agent);
    if (matches.isEmpty()) {
        m_slashStart = -1;
        if (m_replyPicker)
            m_replyPicker->hide();
        return;
    }
    if (!m_replyPicker) {
        m_replyPicker = new QuickReplyPicker(window());
        connect(m_replyPicker, &QuickReplyPicker::chosen, this,
                [this](const QuickReply &) { acceptQuickReply(); });
    }
    m_slashStart = slash;
    m_replyPicker->setReplies(
        matches,
        ReplyTemplate::quickReplyValues(m_customer, m_title, m_agent, QDate::currentDate()));
    // Over the feed, just above the editor, at the "/".
    const QRect caret = m_edit->cursorRect();
    const int width = qMin(420, window()->width());
    const int height = m_replyPicker->sizeHint().height();
    QPoint topLeft = m_edit->viewport()->mapTo(window(), QPoint(caret.left(), 0));
    topLeft.ry() -= height + 4;
    topLeft.rx() = qBound(0, topLeft.x(), window()->width() - width);
    m_replyPicker->setGeometry(QRect(topLeft, QSize(width, height)));
    m_replyPicker->show();
    m_replyPicker->raise();
}

void Composer::acceptQuickReply()
{
    if (!m_replyPicker || m_slashStart < 0)
        return;
    const QuickReply reply = m_replyPicker->current();
    QString error;
    const QString filled = m_replyPicker->filledText(&error);
    if (!error.isEmpty()) {
        // Refused with the reason; the "/abc" stays for another choice.
        showError(error);
        return;
    }
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(m_slashStart);
    cursor.setPosition(m_edit->textCursor().position(), QTextCursor::KeepAnchor);
    m_slashStart = -1;
    m_replyPicker->hide();
    cursor.insertText(filled);
    m_edit->setTextCursor(cursor);
    m_error->hide();
    m_edit->setFocus();
    // The picture goes through the same preview as any picked file.
    if (!reply.imagePath.isEmpty())
        emit fileSendRequested(m_accountId, m_conversationId, reply.imagePath);
}

} // namespace gd

#pragma once
// Where staff type an answer: validates it (not empty, not longer than WeChat
// accepts) and asks for it to be sent to the open conversation. Disabled with
// a hint while no conversation is open.

#include "MentionPicker.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace gd {

class ComposerEdit;
class QuickReplyCatalog;
class QuickReplyPicker;

class Composer : public QWidget
{
    Q_OBJECT
public:
    // WeChat refuses texts much longer than about 16k characters; stay clear.
    static constexpr int kMaxTextLength = 10000;
    // QSettings key: the folder the last image or file was picked from.
    static constexpr const char *kLastFileDirKey = "composer/lastFileDir";

    explicit Composer(QWidget *parent = nullptr);

    // An empty conversation id disables the composer.
    void setConversation(const QString &accountId, const QString &conversationId,
                         const QString &title);
    // While the account is not connected the hint says that what is sent
    // now waits in the outbox.
    void setAccountConnected(bool connected);
    bool isAccountConnected() const { return m_connected; }
    QString hintText() const;
    // The open group was renamed: the hint follows, nothing else changes.
    void setTitle(const QString &title);
    QString accountId() const { return m_accountId; }
    QString conversationId() const { return m_conversationId; }
    ComposerEdit *editor() const { return m_edit; }

    // The members of the open group, for @ (empty: no picker, e.g. a chat).
    void setMembers(const QVector<MentionCandidate> &members);
    MentionPicker *mentionPicker() const { return m_picker; }
    // Inserts "@name" at the cursor and sends the member's id with the text.
    void insertMention(const QString &contactId, const QString &name);
    // Puts a quote of another message above what is typed, the way agents
    // quote in WeChat: 「name: text」 and a dashed line.
    void insertQuote(const QString &senderName, const QString &text);
    // The ids of the members mentioned in the text as it stands.
    QStringList mentionIds() const;
    // The members picked with @ whose mention `text` (e.g. the draft as edited
    // in the Send Later dialog) still holds.
    QStringList mentionIdsIn(const QString &text) const;

    // Quick replies: "/" and a few letters (or pinyin initials) offers the
    // agent's and the shared replies; Enter puts the chosen one, its
    // variables filled in, into the editor (its picture goes to the file
    // preview). The customer fills {customer}: the one being answered.
    void setQuickReplies(QuickReplyCatalog *catalog, const QString &agent);
    void setCustomerName(const QString &name);
    QuickReplyPicker *quickReplyPicker() const { return m_replyPicker; }
    QString errorText() const;

    // Sends what is typed if it is valid; returns whether it was sent.
    bool submit();
    // Asks for a file with a file dialog, then emits fileSendRequested.
    void chooseFile();
    // Sends the clipboard's image, if it holds one: encoded as PNG on a
    // worker thread into a temp file, then fileSendRequested. Returns
    // whether the clipboard held an image.
    bool pasteImage();

signals:
    void sendRequested(const QString &accountId, const QString &conversationId, const QString &text,
                       const QStringList &mentionIds);
    // The user picked a file (button) or pasted an image (saved to a temp
    // PNG); the receiver shows the preview before anything is queued.
    void fileSendRequested(const QString &accountId, const QString &conversationId,
                           const QString &path);
    // "Later…": what is typed, to be scheduled (the receiver asks when and
    // clears the editor once it is queued).
    void sendLaterRequested(const QString &accountId, const QString &conversationId,
                            const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void showError(const QString &error);
    void updateMentionPicker(); // after each edit: is the cursor in "@abc"?
    void acceptMention(const MentionCandidate &candidate);
    void updateQuickReplyPicker(); // after each edit: is the cursor in "/abc"?
    void acceptQuickReply();

    ComposerEdit *m_edit;
    QPushButton *m_sendButton;
    QPushButton *m_fileButton;
    QPushButton *m_laterButton;
    QLabel *m_hint;
    QLabel *m_error;
    QString m_accountId;
    QString m_conversationId;
    MentionPicker *m_picker = nullptr; // a child of the window, over the feed
    QVector<MentionCandidate> m_members;
    QVector<MentionCandidate> m_mentioned; // inserted so far in this message
    int m_mentionStart = -1; // position of the @ being completed
    bool m_connected = true;
    QString m_title;
    QuickReplyCatalog *m_replies = nullptr;
    QString m_agent;
    QString m_customer;
    QuickReplyPicker *m_replyPicker = nullptr; // a child of the window, over the feed
    int m_slashStart = -1; // position of the "/" being completed
};

} // namespace gd

#pragma once
// Where staff type an answer: validates it (not empty, not longer than WeChat
// accepts) and asks for it to be sent to the open conversation. Disabled with
// a hint while no conversation is open.

#include <QWidget>

class QLabel;
class QPushButton;

namespace gd {

class ComposerEdit;

class Composer : public QWidget
{
    Q_OBJECT
public:
    // WeChat refuses texts much longer than about 16k characters; stay clear.
    static constexpr int kMaxTextLength = 10000;

    explicit Composer(QWidget *parent = nullptr);

    // An empty conversation id disables the composer.
    void setConversation(const QString &accountId, const QString &conversationId,
                         const QString &title);
    QString accountId() const { return m_accountId; }
    QString conversationId() const { return m_conversationId; }
    ComposerEdit *editor() const { return m_edit; }

    // Sends what is typed if it is valid; returns whether it was sent.
    bool submit();
    // Asks for a file with a file dialog, then emits fileSendRequested.
    void chooseFile();
    // Sends the clipboard's image, if it holds one: encoded as PNG on a
    // worker thread into a temp file, then fileSendRequested. Returns
    // whether the clipboard held an image.
    bool pasteImage();

signals:
    void sendRequested(const QString &accountId, const QString &conversationId,
                       const QString &text);
    // The user picked a file (button) or pasted an image (saved to a temp
    // PNG); the receiver shows the preview before anything is queued.
    void fileSendRequested(const QString &accountId, const QString &conversationId,
                           const QString &path);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateState();
    void showError(const QString &error);

    ComposerEdit *m_edit;
    QPushButton *m_sendButton;
    QPushButton *m_fileButton;
    QLabel *m_hint;
    QLabel *m_error;
    QString m_accountId;
    QString m_conversationId;
};

} // namespace gd

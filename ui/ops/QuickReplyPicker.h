#pragma once
// The list that opens when staff type "/" and a few letters in the
// composer: the matching quick replies, and under them a preview of the
// selected one with its variables filled in (or why it cannot be, e.g. no
// customer to put in {customer}) and its picture. Like the mention picker it
// never takes the focus: the composer steers it with Up, Down, Enter, Tab, Esc.

#include "ops/QuickReply.h"

#include <QFrame>
#include <QHash>
#include <QVector>

class QLabel;
class QListWidget;

namespace gd {

class QuickReplyPicker : public QFrame
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 6;

    explicit QuickReplyPicker(QWidget *parent = nullptr);

    // The replies to offer (already matched, best first) and the values of
    // their variables.
    void setReplies(const QVector<QuickReply> &replies, const QHash<QString, QString> &values);
    QVector<QuickReply> replies() const { return m_replies; }
    QListWidget *list() const { return m_list; }
    void moveSelection(int delta);

    // The selected reply (id 0 when none) and its text filled in; *error
    // says why it cannot be filled (the text is then empty).
    QuickReply current() const;
    QString filledText(QString *error) const;
    QString previewText() const; // what the preview shows now

signals:
    void chosen(const gd::QuickReply &reply);

private:
    void updatePreview();

    QListWidget *m_list;
    QLabel *m_preview;
    QLabel *m_picture;
    QVector<QuickReply> m_replies;
    QHash<QString, QString> m_values;
};

} // namespace gd

#pragma once
// A whole message as plain text, for texts too long for the feed: read-only,
// selectable, with Copy all. Very long lines are shown in pieces so the
// viewer opens at once; Copy all copies the text exactly as received.

#include <QDialog>

class QPlainTextEdit;

namespace gd {

class TextViewer : public QDialog
{
    Q_OBJECT
public:
    // Lines longer than this are broken into pieces for display only.
    static constexpr int kDisplayLineChars = 2000;

    TextViewer(const QString &title, const QString &text, QWidget *parent = nullptr);

    QString text() const { return m_text; }
    QPlainTextEdit *view() const { return m_view; }

private:
    QString m_text;
    QPlainTextEdit *m_view;
};

} // namespace gd

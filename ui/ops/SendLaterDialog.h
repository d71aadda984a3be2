#pragma once
// Asks when a message from the composer should go out (and lets staff
// adjust its text or add a picture before it is queued): a date and time
// in the future; the outbox keeps it, across restarts, until it is due.

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gd {

class SendLaterDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SendLaterDialog(const QString &groupTitle, QWidget *parent = nullptr);

    void setText(const QString &text);
    void setPicture(const QString &path);
    void setDue(const QDateTime &due);
    QString text() const;
    QString picturePath() const;
    QDateTime due() const;
    // Why the form cannot be accepted (nothing to send, a time not in the
    // future), or an empty string.
    QString problem() const;

    void accept() override; // refuses with the reason shown

private:
    QPlainTextEdit *m_text;
    QLineEdit *m_picture;
    QDateTimeEdit *m_due;
    QLabel *m_error;
};

} // namespace gd

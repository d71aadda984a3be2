#pragma once
// Shows what is about to be sent before it goes into the outbox: a
// thumbnail for an image, or an icon with name and size for other files,
// and the group it goes to. The file is checked (FileCheck: type from the
// content, size limits, corrupt images) on a worker thread, never the GUI
// thread; a refused file shows why and cannot be sent.

#include "util/FileCheck.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace gd {

class SendFilePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    SendFilePreviewDialog(const QString &path, const QString &targetTitle,
                          QWidget *parent = nullptr);

    QString filePath() const { return m_path; }
    bool isChecked() const { return m_checked; }
    bool canSend() const { return m_checked && m_ok; }
    QString targetText() const;
    QString validationMessage() const; // empty while checking or if the file is fine

signals:
    void checkFinished(bool ok);

private:
    void onChecked(const FileCheckResult &result, const QImage &thumbnail);

    QString m_path;
    bool m_checked = false;
    bool m_ok = false;
    QLabel *m_preview;
    QLabel *m_name;
    QLabel *m_target;
    QLabel *m_message;
    QPushButton *m_sendButton;
};

} // namespace gd

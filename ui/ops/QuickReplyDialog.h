#pragma once
// Where staff keep their quick replies: folders with replies on the left
// (shared ones and the agent's own), the selected reply's title, shortcut,
// folder, text and picture on the right. Saving checks the reply first (an
// unknown variable is refused with the reason) and goes through the catalog.

#include "ops/QuickReply.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace gd {

class QuickReplyCatalog;

class QuickReplyDialog : public QDialog
{
    Q_OBJECT
public:
    QuickReplyDialog(QuickReplyCatalog *catalog, const QString &agent, QWidget *parent = nullptr);

    // The form as a reply (id of the one being edited, 0 for a new one).
    QuickReply formReply() const;
    void editReply(const QuickReply &reply);
    void newReply();
    bool saveForm(); // false when refused at once (errorText says why)
    QString errorText() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    void reloadTree();
    void choosePicture();

    QuickReplyCatalog *m_catalog;
    QString m_agent;
    qint64 m_editingId = 0;
    QTreeWidget *m_tree;
    QLineEdit *m_title;
    QLineEdit *m_shortcut;
    QComboBox *m_folder;
    QCheckBox *m_shared;
    QPlainTextEdit *m_body;
    QLineEdit *m_picture;
    QLabel *m_error;
    QPushButton *m_delete;
};

} // namespace gd

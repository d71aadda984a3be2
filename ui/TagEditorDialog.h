#pragma once
// Edits the staff tags (售后, VIP, 华东区) of one room or contact: every known
// tag as a check box, plus a field for a new one. On OK only the differences
// are written, so two staff editing different tags do not undo each other.

#include "store/TagTarget.h"

#include <QDialog>
#include <QSet>

class QLineEdit;
class QListWidget;

namespace gd {

class Store;

class TagEditorDialog : public QDialog
{
    Q_OBJECT
public:
    TagEditorDialog(Store *store, TagTarget target, const QString &accountId,
                    const QString &targetId, const QString &targetName, QWidget *parent = nullptr);

    QListWidget *tagList() const { return m_list; }
    QLineEdit *newTagEdit() const { return m_newTag; }
    bool isLoaded() const { return m_loaded; }
    QStringList checkedTags() const;

    void accept() override;

private:
    void addNewTag();

    Store *m_store;
    TagTarget m_target;
    QString m_accountId;
    QString m_targetId;
    QSet<QString> m_initial;
    bool m_loaded = false;
    QListWidget *m_list;
    QLineEdit *m_newTag;
};

} // namespace gd

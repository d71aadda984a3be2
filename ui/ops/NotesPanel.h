#pragma once
// Notes beside the feed: free text about the open group and about the
// customer being answered (order numbers, context), saved as staff type
// (a second after the last key), and a search over every note of the
// account that opens the group a note belongs to.

#include "ops/GroupNote.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace gd {

class OpsStore;

class NotesPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSaveDelayMs = 1000;

    NotesPanel(OpsStore *store, const QString &agent, QWidget *parent = nullptr);

    // The open group (empty: none): loads its note.
    void setGroup(const QString &accountId, const QString &roomId, const QString &topic);
    // The customer being answered in it (empty id: none).
    void setCustomer(const QString &contactId, const QString &name);
    void saveNow(); // writes pending edits at once
    void search(const QString &text);

    QPlainTextEdit *groupEdit() const { return m_groupEdit; }
    QPlainTextEdit *customerEdit() const { return m_customerEdit; }
    QListWidget *results() const { return m_results; }

signals:
    void openGroupRequested(const QString &accountId, const QString &roomId);
    void saved(const gd::GroupNote &note);

private:
    void load(GroupNote::Target target, const QString &targetId);
    void save(GroupNote::Target target);

    OpsStore *m_store;
    QString m_agent;
    QString m_accountId;
    QString m_roomId;
    QString m_customerId;
    QLabel *m_groupLabel;
    QPlainTextEdit *m_groupEdit;
    QLabel *m_customerLabel;
    QPlainTextEdit *m_customerEdit;
    QLineEdit *m_searchEdit;
    QListWidget *m_results;
    QTimer m_saveTimer;
    bool m_groupDirty = false;
    bool m_customerDirty = false;
    bool m_loading = false;
};

} // namespace gd

#include "ops/NotesPanel.h"

#include "ops/OpsRepository.h"
#include "ops/OpsStore.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace gd {

NotesPanel::NotesPanel(OpsStore *store, const QString &agent, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_agent(agent)
    , m_groupLabel(new QLabel(tr("Group note"), this))
    , m_groupEdit(new QPlainTextEdit(this))
    , m_customerLabel(new QLabel(tr("Customer note"), this))
    , m_customerEdit(new QPlainTextEdit(this))
    , m_searchEdit(new QLineEdit(this))
    , m_results(new QListWidget(this))
{
    setObjectName(QStringLiteral("notesPanel"));
    m_groupLabel->setTextFormat(Qt::PlainText);
    m_customerLabel->setTextFormat(Qt::PlainText);
    m_groupEdit->setObjectName(QStringLiteral("groupNoteEdit"));
    m_groupEdit->setPlaceholderText(tr("Order numbers, agreements, context…"));
    m_customerEdit->setObjectName(QStringLiteral("customerNoteEdit"));
    m_searchEdit->setPlaceholderText(tr("Search notes"));
    m_searchEdit->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("noteResults"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_groupLabel);
    layout->addWidget(m_groupEdit, 2);
    layout->addWidget(m_customerLabel);
    layout->addWidget(m_customerEdit, 1);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_results, 1);

    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &NotesPanel::saveNow);
    connect(m_groupEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        m_groupDirty = true;
        m_saveTimer.start();
    });
    connect(m_customerEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        m_customerDirty = true;
        m_saveTimer.start();
    });
    connect(m_searchEdit, &QLineEdit::textChanged, this, &NotesPanel::search);
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString roomId = item->data(Qt::UserRole).toString();
        if (!roomId.isEmpty())
            emit openGroupRequested(m_accountId, roomId);
    });
    setGroup({}, {}, {});
}

void NotesPanel::setGroup(const QString &accountId, const QString &roomId, const QString &topic)
{
    saveNow(); // the previous group's edits first
    m_accountId = accountId;
    m_roomId = roomId;
    m_groupLabel->setText(roomId.isEmpty() ? tr("Group note") : tr("Note on %1").arg(topic));
    m_groupEdit->setEnabled(!roomId.isEmpty());
    setCustomer({}, {});
    load(GroupNote::Target::Group, roomId);
}

void NotesPanel::setCustomer(const QString &contactId, const QString &name)
{
    if (contactId == m_customerId && !contactId.isEmpty())
        return;
    if (m_customerDirty)
        save(GroupNote::Target::Customer);
    m_customerId = contactId;
    m_customerLabel->setText(contactId.isEmpty() ? tr("Customer note")
                                                 : tr("Note on %1").arg(name));
    m_customerEdit->setEnabled(!contactId.isEmpty());
    load(GroupNote::Target::Customer, contactId);
}

void NotesPanel::load(GroupNote::Target target, const QString &targetId)
{
    QPlainTextEdit *edit = target == GroupNote::Target::Group ? m_groupEdit : m_customerEdit;
    m_loading = true;
    edit->clear();
    m_loading = false;
    if (targetId.isEmpty() || m_accountId.isEmpty())
        return;
    const QString accountId = m_accountId;
    m_store->read<GroupNote>(
        this,
        [accountId, target, targetId](QSqlDatabase &db) {
            return OpsRepository::note(db, accountId, target, targetId);
        },
        [this, edit, target, accountId, targetId](const GroupNote &note) {
            const QString current = target == GroupNote::Target::Group ? m_roomId : m_customerId;
            const bool dirty = target == GroupNote::Target::Group ? m_groupDirty : m_customerDirty;
            if (accountId != m_accountId || targetId != current || dirty)
                return; // moved on, or typed meanwhile
            m_loading = true;
            edit->setPlainText(note.body);
            m_loading = false;
        });
}

void NotesPanel::save(GroupNote::Target target)
{
    GroupNote note;
    note.accountId = m_accountId;
    note.target = target;
    note.targetId = target == GroupNote::Target::Group ? m_roomId : m_customerId;
    note.body = (target == GroupNote::Target::Group ? m_groupEdit : m_customerEdit)->toPlainText();
    note.updatedMs = QDateTime::currentMSecsSinceEpoch();
    note.updatedBy = m_agent;
    (target == GroupNote::Target::Group ? m_groupDirty : m_customerDirty) = false;
    if (note.accountId.isEmpty() || note.targetId.isEmpty())
        return;
    m_store->write([note](QSqlDatabase &db,
                          QString *error) { return OpsRepository::saveNote(db, note, error); },
                   this,
                   [this, note](bool ok, const QString &) {
                       if (ok)
                           emit saved(note);
                   });
}

void NotesPanel::saveNow()
{
    m_saveTimer.stop();
    if (m_groupDirty)
        save(GroupNote::Target::Group);
    if (m_customerDirty)
        save(GroupNote::Target::Customer);
}

void NotesPanel::search(const QString &text)
{
    m_results->clear();
    if (text.trimmed().isEmpty() || m_accountId.isEmpty())
        return;
    const QString accountId = m_accountId;
    m_store->read<QVector<GroupNote>>(
        this,
        [accountId, text](QSqlDatabase &db) {
            return OpsRepository::searchNotes(db, accountId, text.trimmed());
        },
        [this, text](const QVector<GroupNote> &notes) {
            if (m_searchEdit->text() != text)
                return; // a newer search is on its way
            m_results->clear();
            for (const GroupNote &n : notes) {
                auto *item = new QListWidgetItem(n.body.simplified().left(80), m_results);
                if (n.target == GroupNote::Target::Group)
                    item->setData(Qt::UserRole, n.targetId);
            }
        });
}

} // namespace gd

#include "TagEditorDialog.h"

#include "store/Store.h"
#include "store/StoreReader.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace gd {

TagEditorDialog::TagEditorDialog(Store *store, TagTarget target, const QString &accountId,
                                 const QString &targetId, const QString &targetName,
                                 QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_target(target)
    , m_accountId(accountId)
    , m_targetId(targetId)
    , m_list(new QListWidget(this))
    , m_newTag(new QLineEdit(this))
{
    setWindowTitle(tr("Tags"));
    auto *caption = new QLabel(tr("Tags of %1").arg(targetName), this);
    caption->setTextFormat(Qt::PlainText);
    m_list->setObjectName(QStringLiteral("tagList"));
    m_newTag->setObjectName(QStringLiteral("newTag"));
    m_newTag->setPlaceholderText(tr("New tag, e.g. 售后"));
    m_newTag->setMaxLength(40);
    auto *add = new QPushButton(tr("Add"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_newTag, 1);
    row->addWidget(add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(caption);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    layout->addWidget(buttons);
    connect(add, &QPushButton::clicked, this, &TagEditorDialog::addNewTag);
    connect(m_newTag, &QLineEdit::returnPressed, this, &TagEditorDialog::addNewTag);
    connect(buttons, &QDialogButtonBox::accepted, this, &TagEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TagEditorDialog::reject);

    using Lists = QPair<QStringList, QStringList>;
    m_store->read<Lists>(
        this,
        [target, accountId, targetId](StoreReader &reader) {
            return Lists(reader.allTags(), reader.tagsOf(target, accountId, targetId));
        },
        [this](Lists lists) {
            m_initial = QSet<QString>(lists.second.begin(), lists.second.end());
            for (const QString &tag : std::as_const(lists.first)) {
                auto *item = new QListWidgetItem(tag, m_list);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(m_initial.contains(tag) ? Qt::Checked : Qt::Unchecked);
            }
            m_loaded = true;
        });
}

void TagEditorDialog::addNewTag()
{
    const QString tag = m_newTag->text().trimmed();
    m_newTag->clear();
    if (tag.isEmpty())
        return;
    const auto found = m_list->findItems(tag, Qt::MatchExactly);
    QListWidgetItem *item = found.isEmpty() ? new QListWidgetItem(tag, m_list) : found.first();
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
}

QStringList TagEditorDialog::checkedTags() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            out << m_list->item(i)->text();
    }
    return out;
}

void TagEditorDialog::accept()
{
    if (!m_newTag->text().trimmed().isEmpty())
        addNewTag();
    if (m_loaded) {
        const QStringList checked = checkedTags();
        const QSet<QString> now(checked.begin(), checked.end());
        for (const QString &tag : now - m_initial)
            m_store->addTag(m_target, m_accountId, m_targetId, tag);
        for (const QString &tag : m_initial - now)
            m_store->removeTag(m_target, m_accountId, m_targetId, tag);
    }
    QDialog::accept();
}

} // namespace gd

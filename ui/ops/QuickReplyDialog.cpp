#include "ops/QuickReplyDialog.h"

#include "Theme.h"
#include "ops/QuickReplyCatalog.h"
#include "ops/ReplyTemplate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gd {

QuickReplyDialog::QuickReplyDialog(QuickReplyCatalog *catalog, const QString &agent,
                                   QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_agent(agent)
    , m_tree(new QTreeWidget(this))
    , m_title(new QLineEdit(this))
    , m_shortcut(new QLineEdit(this))
    , m_folder(new QComboBox(this))
    , m_shared(new QCheckBox(tr("Shared with the whole desk"), this))
    , m_body(new QPlainTextEdit(this))
    , m_picture(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_delete(new QPushButton(tr("Delete"), this))
{
    setWindowTitle(tr("Quick Replies"));
    setObjectName(QStringLiteral("quickReplyDialog"));
    resize(760, 480);
    m_tree->setObjectName(QStringLiteral("quickReplyTree"));
    m_tree->setHeaderLabels({tr("Reply"), tr("Shortcut")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_folder->setEditable(true);
    m_shortcut->setPlaceholderText(tr("e.g. tk"));
    m_body->setPlaceholderText(
        tr("Text; {customer}, {group}, {agent} and {date} are filled in when it is used"));
    m_picture->setReadOnly(true);
    m_picture->setPlaceholderText(tr("No picture"));
    m_error->setObjectName(QStringLiteral("quickReplyError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::warning().name()));
    m_error->hide();

    auto *choose = new QPushButton(tr("Choose…"), this);
    auto *clear = new QPushButton(tr("Remove"), this);
    auto *pictureRow = new QHBoxLayout;
    pictureRow->addWidget(m_picture, 1);
    pictureRow->addWidget(choose);
    pictureRow->addWidget(clear);
    connect(choose, &QPushButton::clicked, this, &QuickReplyDialog::choosePicture);
    connect(clear, &QPushButton::clicked, m_picture, &QLineEdit::clear);

    auto *form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Shortcut"), m_shortcut);
    form->addRow(tr("Folder"), m_folder);
    form->addRow(QString(), m_shared);
    form->addRow(tr("Text"), m_body);
    form->addRow(tr("Picture"), pictureRow);

    auto *newButton = new QPushButton(tr("New"), this);
    auto *saveButton = new QPushButton(tr("Save"), this);
    saveButton->setObjectName(QStringLiteral("quickReplySave"));
    saveButton->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(newButton);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(saveButton);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form, 1);
    rightLayout->addWidget(m_error);
    rightLayout->addLayout(buttons);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);

    connect(newButton, &QPushButton::clicked, this, &QuickReplyDialog::newReply);
    connect(saveButton, &QPushButton::clicked, this, &QuickReplyDialog::saveForm);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (m_editingId != 0)
            m_catalog->remove(m_editingId);
        newReply();
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item || !item->data(0, Qt::UserRole).isValid())
            return;
        const qint64 id = item->data(0, Qt::UserRole).toLongLong();
        for (const QuickReply &r : m_catalog->library().replies()) {
            if (r.id == id)
                editReply(r);
        }
    });
    connect(m_catalog, &QuickReplyCatalog::changed, this, &QuickReplyDialog::reloadTree);
    connect(m_catalog, &QuickReplyCatalog::saveFailed, this, [this](const QString &reason) {
        m_error->setText(reason);
        m_error->show();
    });
    connect(m_catalog, &QuickReplyCatalog::saved, this, [this](const QuickReply &reply) {
        m_editingId = reply.id;
        m_delete->setEnabled(true);
        m_error->hide();
    });
    reloadTree();
    newReply();
}

void QuickReplyDialog::reloadTree()
{
    m_tree->clear();
    const QVector<QuickReply> replies = m_catalog->library().visibleTo(m_agent);
    QHash<QString, QTreeWidgetItem *> folders;
    for (const QuickReply &r : replies) {
        QTreeWidgetItem *parent = nullptr;
        const QString folder = r.folder.isEmpty() ? tr("(no folder)") : r.folder;
        parent = folders.value(folder);
        if (!parent) {
            parent = new QTreeWidgetItem(m_tree, {folder});
            parent->setFlags(Qt::ItemIsEnabled);
            parent->setExpanded(true);
            folders.insert(folder, parent);
        }
        const QString title = r.isShared() ? r.title : tr("%1 (mine)").arg(r.title);
        auto *item = new QTreeWidgetItem(parent, {title, r.shortcut});
        item->setData(0, Qt::UserRole, r.id);
        item->setToolTip(0, r.body.toHtmlEscaped());
    }
    const QString current = m_folder->currentText();
    m_folder->clear();
    m_folder->addItem(QString());
    m_folder->addItems(m_catalog->library().folders(m_agent));
    m_folder->setCurrentText(current);
}

QuickReply QuickReplyDialog::formReply() const
{
    QuickReply r;
    r.id = m_editingId;
    r.title = m_title->text().trimmed();
    r.shortcut = m_shortcut->text().trimmed();
    r.folder = m_folder->currentText().trimmed();
    r.owner = m_shared->isChecked() ? QString() : m_agent;
    r.body = m_body->toPlainText();
    r.imagePath = m_picture->text();
    return r;
}

void QuickReplyDialog::editReply(const QuickReply &reply)
{
    m_editingId = reply.id;
    m_title->setText(reply.title);
    m_shortcut->setText(reply.shortcut);
    m_folder->setCurrentText(reply.folder);
    m_shared->setChecked(reply.isShared());
    m_body->setPlainText(reply.body);
    m_picture->setText(reply.imagePath);
    m_delete->setEnabled(reply.id != 0);
    m_error->hide();
}

void QuickReplyDialog::newReply()
{
    QuickReply r;
    r.owner = m_agent;
    editReply(r);
    m_title->setFocus();
}

bool QuickReplyDialog::saveForm()
{
    m_error->hide();
    return m_catalog->save(formReply());
}

QString QuickReplyDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void QuickReplyDialog::choosePicture()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Picture for the Reply"), QString(),
                                       tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"));
    if (!path.isEmpty())
        m_picture->setText(path);
}

} // namespace gd

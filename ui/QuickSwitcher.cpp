#include "QuickSwitcher.h"

#include "text/Pinyin.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gd {

QuickSwitcher::QuickSwitcher(QWidget *parent)
    : QDialog(parent)
    , m_query(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickSwitcher"));
    setWindowTitle(tr("Go to group or contact"));
    setWindowFlag(Qt::FramelessWindowHint);
    m_query->setObjectName(QStringLiteral("switcherQuery"));
    m_query->setPlaceholderText(tr("Group or contact: name or pinyin (shd for 售后队)"));
    m_query->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("switcherList"));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // typing stays in the query
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(8);
    layout->addWidget(m_query);
    layout->addWidget(m_list, 1);
    resize(520, 420);

    m_query->installEventFilter(this);
    connect(m_query, &QLineEdit::textChanged, this, &QuickSwitcher::refilter);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { choose(m_list->currentRow()); });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { choose(m_list->row(item)); });
    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { choose(m_list->row(item)); });
}

void QuickSwitcher::setEntries(const QVector<QuickSwitcherEntry> &entries)
{
    m_entries = entries;
    refilter();
}

void QuickSwitcher::popup()
{
    m_query->clear();
    refilter();
    if (QWidget *owner = parentWidget()) {
        const QRect area = owner->window()->geometry();
        const int w = qMin(560, area.width() - 40);
        setGeometry(area.left() + (area.width() - w) / 2, area.top() + 60, w,
                    qMin(440, area.height() - 100));
    }
    show();
    raise();
    activateWindow();
    m_query->setFocus();
}

QVector<QuickSwitcherEntry> QuickSwitcher::results() const
{
    QVector<QuickSwitcherEntry> out;
    for (int i : m_shown)
        out.append(m_entries.at(i));
    return out;
}

void QuickSwitcher::refilter()
{
    const QString query = m_query->text().trimmed();
    struct Ranked
    {
        int index;
        int score;
    };
    QVector<Ranked> ranked;
    for (int i = 0; i < m_entries.size(); ++i) {
        const QuickSwitcherEntry &e = m_entries.at(i);
        if (query.isEmpty()) {
            ranked.append({i, 0});
            continue;
        }
        int best = -1;
        for (const QString &name : QStringList{e.name} + e.otherNames) {
            const PinyinMatch m = Pinyin::match(name, query);
            if (m.matched)
                best = qMax(best, m.score);
        }
        if (best >= 0)
            ranked.append({i, best + (e.kind == QuickSwitcherEntry::Kind::Group ? 50 : 0)});
    }
    // Stable: equal scores keep the default order (recent activity).
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Ranked &a, const Ranked &b) { return a.score > b.score; });
    if (ranked.size() > kMaxResults)
        ranked.resize(kMaxResults);

    m_shown.clear();
    m_list->clear();
    for (const Ranked &r : std::as_const(ranked)) {
        const QuickSwitcherEntry &e = m_entries.at(r.index);
        m_shown.append(r.index);
        const QString kind
            = e.kind == QuickSwitcherEntry::Kind::Group ? tr("Group") : tr("Contact");
        QString text = e.detail.isEmpty() ? tr("%1  ·  %2").arg(e.name, kind)
                                          : tr("%1  ·  %2  ·  %3").arg(e.name, kind, e.detail);
        if (e.unread > 0)
            text = tr("%1  (%n unread)", nullptr, e.unread).arg(text);
        new QListWidgetItem(text, m_list); // the list owns it
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void QuickSwitcher::choose(int row)
{
    if (row < 0 || row >= m_shown.size())
        return;
    const QuickSwitcherEntry e = m_entries.at(m_shown.at(row));
    hide();
    if (e.kind == QuickSwitcherEntry::Kind::Group)
        emit groupChosen(e.accountId, e.id);
    else
        emit contactChosen(e.accountId, e.id);
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int count = m_list->count();
        if (count == 0)
            return QDialog::eventFilter(watched, event);
        int row = m_list->currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            row = (row + 1) % count;
            break;
        case Qt::Key_Up:
            row = (row - 1 + count) % count;
            break;
        case Qt::Key_PageDown:
            row = qMin(count - 1, row + 10);
            break;
        case Qt::Key_PageUp:
            row = qMax(0, row - 10);
            break;
        default:
            return QDialog::eventFilter(watched, event);
        }
        m_list->setCurrentRow(row);
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace gd

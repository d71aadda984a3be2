#include "MentionPicker.h"

#include "text/Pinyin.h"

#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gd {

MentionPicker::MentionPicker(QWidget *parent)
    : QFrame(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("mentionPicker"));
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::NoFocus);
    m_list->setObjectName(QStringLiteral("mentionList"));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list);
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_shown.size())
            emit chosen(m_candidates.at(m_shown.at(row)));
    });
}

void MentionPicker::setCandidates(const QVector<MentionCandidate> &candidates)
{
    m_candidates = candidates;
    setFilter({});
}

int MentionPicker::setFilter(const QString &filter)
{
    struct Ranked
    {
        int index;
        int score;
    };
    QVector<Ranked> ranked;
    for (int i = 0; i < m_candidates.size(); ++i) {
        if (filter.isEmpty()) {
            ranked.append({i, 0});
            continue;
        }
        const PinyinMatch m = Pinyin::match(m_candidates.at(i).name, filter);
        if (m.matched)
            ranked.append({i, m.score});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Ranked &a, const Ranked &b) { return a.score > b.score; });
    m_shown.clear();
    m_list->clear();
    for (const Ranked &r : std::as_const(ranked)) {
        m_shown.append(r.index);
        m_list->addItem(m_candidates.at(r.index).name); // list items are plain text
    }
    if (!m_shown.isEmpty())
        m_list->setCurrentRow(0);
    const int rows = qMin(kMaxRows, int(m_shown.size()));
    const int rowHeight = qMax(m_list->sizeHintForRow(0), fontMetrics().height() + 6);
    setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth() + 6);
    return int(m_shown.size());
}

QVector<MentionCandidate> MentionPicker::shown() const
{
    QVector<MentionCandidate> out;
    for (int i : m_shown)
        out.append(m_candidates.at(i));
    return out;
}

void MentionPicker::moveSelection(int delta)
{
    const int count = m_list->count();
    if (count == 0)
        return;
    m_list->setCurrentRow(((m_list->currentRow() + delta) % count + count) % count);
}

MentionCandidate MentionPicker::current() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_shown.size())
        return {};
    return m_candidates.at(m_shown.at(row));
}

} // namespace gd

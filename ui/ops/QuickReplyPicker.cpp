#include "ops/QuickReplyPicker.h"

#include "Theme.h"
#include "ops/ReplyTemplate.h"

#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace gd {

QuickReplyPicker::QuickReplyPicker(QWidget *parent)
    : QFrame(parent)
    , m_list(new QListWidget(this))
    , m_preview(new QLabel(this))
    , m_picture(new QLabel(this))
{
    setObjectName(QStringLiteral("quickReplyPicker"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    m_list->setObjectName(QStringLiteral("quickReplyList"));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_preview->setObjectName(QStringLiteral("quickReplyPreview"));
    m_preview->setTextFormat(Qt::PlainText); // names and replies are plain text
    m_preview->setWordWrap(true);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setMinimumHeight(fontMetrics().height() * 3);
    m_picture->setObjectName(QStringLiteral("quickReplyPicture"));
    m_picture->setFixedSize(64, 64);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->hide();

    auto *previewRow = new QHBoxLayout;
    previewRow->setContentsMargins(6, 4, 6, 4);
    previewRow->addWidget(m_preview, 1);
    previewRow->addWidget(m_picture, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(m_list);
    layout->addLayout(previewRow);

    connect(m_list, &QListWidget::currentRowChanged, this, &QuickReplyPicker::updatePreview);
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_replies.size())
            emit chosen(m_replies.at(row));
    });
}

void QuickReplyPicker::setReplies(const QVector<QuickReply> &replies,
                                  const QHash<QString, QString> &values)
{
    m_replies = replies;
    m_values = values;
    m_list->clear();
    for (const QuickReply &r : replies) {
        // "/tk  退款说明 · 售后" : shortcut, title, folder.
        QString line = r.shortcut.isEmpty() ? r.title : tr("/%1  %2").arg(r.shortcut, r.title);
        if (!r.folder.isEmpty())
            line = tr("%1 · %2").arg(line, r.folder);
        m_list->addItem(line); // list items are plain text
    }
    if (!replies.isEmpty())
        m_list->setCurrentRow(0);
    const int rows = qMin(kMaxRows, int(replies.size()));
    const int rowHeight = qMax(m_list->sizeHintForRow(0), fontMetrics().height() + 6);
    m_list->setFixedHeight(rows * rowHeight + 2 * m_list->frameWidth());
    updatePreview();
    adjustSize();
}

void QuickReplyPicker::moveSelection(int delta)
{
    const int count = m_list->count();
    if (count == 0)
        return;
    m_list->setCurrentRow(((m_list->currentRow() + delta) % count + count) % count);
}

QuickReply QuickReplyPicker::current() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_replies.size() ? m_replies.at(row) : QuickReply{};
}

QString QuickReplyPicker::filledText(QString *error) const
{
    const QuickReply reply = current();
    if (reply.id == 0 && reply.title.isEmpty()) {
        if (error)
            *error = tr("No quick reply is selected.");
        return {};
    }
    return ReplyTemplate::fill(reply.body, m_values, error);
}

QString QuickReplyPicker::previewText() const
{
    return m_preview->text();
}

void QuickReplyPicker::updatePreview()
{
    const QuickReply reply = current();
    QString error;
    const QString text = filledText(&error);
    QPalette palette = m_preview->palette();
    if (!error.isEmpty()) {
        m_preview->setText(error);
        palette.setColor(QPalette::WindowText, Theme::warning());
    } else {
        m_preview->setText(text.isEmpty() ? tr("(picture only)") : text);
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
    }
    m_preview->setPalette(palette);
    QPixmap picture;
    if (!reply.imagePath.isEmpty()) {
        QImageReader reader(reply.imagePath);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid())
            reader.setScaledSize(size.scaled(64, 64, Qt::KeepAspectRatio));
        picture = QPixmap::fromImage(reader.read());
        if (picture.isNull())
            m_picture->setText(tr("missing"));
    }
    m_picture->setPixmap(picture);
    m_picture->setVisible(!reply.imagePath.isEmpty());
}

} // namespace gd

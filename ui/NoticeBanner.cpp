#include "NoticeBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace gd {

NoticeBanner::NoticeBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_dismiss(new QToolButton(this))
{
    setObjectName(QStringLiteral("noticeBanner"));
    setAttribute(Qt::WA_StyledBackground);
    setFrameShape(QFrame::StyledPanel);
    // Notices can carry text from outside (an error from the server).
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setToolTip(tr("Hide this notice"));
    m_dismiss->setAutoRaise(true);
    connect(m_dismiss, &QToolButton::clicked, this, &NoticeBanner::dismiss);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_dismiss, 0, Qt::AlignTop);
    hide();
}

QString NoticeBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void NoticeBanner::showNotice(const QString &text)
{
    if (text.isEmpty())
        return;
    m_label->setText(text);
    show();
}

void NoticeBanner::dismiss()
{
    hide();
    m_label->clear();
}

} // namespace gd

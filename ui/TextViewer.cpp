#include "TextViewer.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gd {

TextViewer::TextViewer(const QString &title, const QString &text, QWidget *parent)
    : QDialog(parent)
    , m_text(text)
    , m_view(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("textViewer"));
    setWindowTitle(title); // window titles are never rich text
    resize(760, 600);
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // One paragraph of 2 MB is laid out as a whole; pieces are laid out as
    // they scroll into view.
    QString display;
    display.reserve(text.size() + text.size() / kDisplayLineChars + 1);
    int run = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            run = 0;
        } else if (++run > kDisplayLineChars && !c.isLowSurrogate()) {
            display += QLatin1Char('\n');
            run = 1;
        }
        display += c;
    }
    m_view->setPlainText(display);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("Copy all"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyAll"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_text); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
}

} // namespace gd

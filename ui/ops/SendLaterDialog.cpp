#include "ops/SendLaterDialog.h"

#include "Composer.h"
#include "Theme.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gd {

SendLaterDialog::SendLaterDialog(const QString &groupTitle, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
    , m_picture(new QLineEdit(this))
    , m_due(new QDateTimeEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("sendLaterDialog"));
    setWindowTitle(tr("Send Later to %1").arg(groupTitle));
    resize(460, 320);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_due->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    m_picture->setReadOnly(true);
    m_picture->setPlaceholderText(tr("No picture"));
    auto *choose = new QPushButton(tr("Choose…"), this);
    auto *clear = new QPushButton(tr("Remove"), this);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Picture to Send"), QString(),
            tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)"));
        if (!path.isEmpty())
            m_picture->setText(path);
    });
    connect(clear, &QPushButton::clicked, m_picture, &QLineEdit::clear);
    auto *pictureRow = new QHBoxLayout;
    pictureRow->addWidget(m_picture, 1);
    pictureRow->addWidget(choose);
    pictureRow->addWidget(clear);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::warning().name()));
    m_error->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("Send at"), m_due);
    form->addRow(tr("Text"), m_text);
    form->addRow(tr("Picture"), pictureRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Schedule"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SendLaterDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void SendLaterDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
}

void SendLaterDialog::setPicture(const QString &path)
{
    m_picture->setText(path);
}

void SendLaterDialog::setDue(const QDateTime &due)
{
    m_due->setDateTime(due);
}

QString SendLaterDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

QString SendLaterDialog::picturePath() const
{
    return m_picture->text();
}

QDateTime SendLaterDialog::due() const
{
    return m_due->dateTime();
}

QString SendLaterDialog::problem() const
{
    if (text().isEmpty() && picturePath().isEmpty())
        return tr("There is nothing to send: write a text or choose a picture.");
    if (text().size() > Composer::kMaxTextLength)
        return tr("This message is %1 characters long; WeChat accepts at most %2.")
            .arg(text().size())
            .arg(Composer::kMaxTextLength);
    if (due() <= QDateTime::currentDateTime())
        return tr("Choose a time in the future.");
    return {};
}

void SendLaterDialog::accept()
{
    const QString p = problem();
    if (!p.isEmpty()) {
        m_error->setText(p);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace gd

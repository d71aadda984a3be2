#include "ImageViewer.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace gd {

ImageViewer::ImageViewer(const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_name(name)
    , m_scroll(new QScrollArea(this))
    , m_label(new QLabel(this))
    , m_status(new QLabel(tr("Loading image…"), this))
{
    setWindowTitle(name.isEmpty() ? tr("Image") : name);
    resize(900, 700);
    m_label->setAlignment(Qt::AlignCenter);
    m_status->setTextFormat(Qt::PlainText); // download errors quote the gateway
    m_scroll->setWidget(m_label);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setWidgetResizable(false);

    auto *fit = new QPushButton(tr("Fit"), this);
    auto *zoomIn = new QPushButton(tr("Zoom in"), this);
    auto *zoomOut = new QPushButton(tr("Zoom out"), this);
    auto *actual = new QPushButton(tr("100%"), this);
    auto *save = new QPushButton(tr("Save as…"), this);
    auto *copy = new QPushButton(tr("Copy"), this);
    connect(fit, &QPushButton::clicked, this, [this] {
        m_fit = true;
        applyZoom();
    });
    connect(zoomIn, &QPushButton::clicked, this, [this] {
        m_fit = false;
        m_zoom *= 1.25;
        applyZoom();
    });
    connect(zoomOut, &QPushButton::clicked, this, [this] {
        m_fit = false;
        m_zoom /= 1.25;
        applyZoom();
    });
    connect(actual, &QPushButton::clicked, this, [this] {
        m_fit = false;
        m_zoom = 1.0;
        applyZoom();
    });
    connect(save, &QPushButton::clicked, this, &ImageViewer::saveAs);
    connect(copy, &QPushButton::clicked, this, [this] {
        if (!m_image.isNull())
            QApplication::clipboard()->setImage(m_image);
    });

    auto *bar = new QHBoxLayout;
    for (QPushButton *b : {fit, zoomIn, zoomOut, actual, save, copy})
        bar->addWidget(b);
    bar->addStretch(1);
    bar->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);
}

void ImageViewer::setImageData(const QByteArray &bytes)
{
    m_bytes = bytes;
    QPointer<ImageViewer> self(this);
    auto future = QtConcurrent::run([bytes] { return QImage::fromData(bytes); });
    future.then(this, [self](const QImage &image) {
        if (self)
            self->setDecoded(image);
    });
}

void ImageViewer::showError(const QString &message)
{
    m_status->setText(message);
}

void ImageViewer::setDecoded(const QImage &image)
{
    m_image = image;
    if (image.isNull()) {
        m_status->setText(tr("The image is damaged and cannot be shown."));
        return;
    }
    m_status->setText(tr("%1 × %2").arg(image.width()).arg(image.height()));
    applyZoom();
}

void ImageViewer::applyZoom()
{
    if (m_image.isNull())
        return;
    QSize size = m_image.size();
    if (m_fit) {
        const QSize avail = m_scroll->viewport()->size() - QSize(4, 4);
        if (size.width() > avail.width() || size.height() > avail.height())
            size = size.scaled(avail, Qt::KeepAspectRatio);
    } else {
        size = (QSizeF(size) * m_zoom).toSize();
    }
    m_label->setPixmap(
        QPixmap::fromImage(m_image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_label->resize(size);
}

void ImageViewer::saveAs()
{
    if (m_bytes.isEmpty())
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save image"), dir + QLatin1Char('/') + m_name);
    if (path.isEmpty())
        return;
    QFile f(path);
    // The original bytes, not a re-encoded copy.
    if (!f.open(QIODevice::WriteOnly) || f.write(m_bytes) != m_bytes.size())
        QMessageBox::warning(this, tr("Save image"),
                             tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace gd

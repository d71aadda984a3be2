#pragma once
// Shows one received image at full size: fit to the window, zoom, save as,
// copy. The bytes arrive later (fetched from the gateway); decoding runs on
// the thread pool, never on the GUI thread.

#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;

namespace gd {

class ImageViewer : public QDialog
{
    Q_OBJECT
public:
    explicit ImageViewer(const QString &name, QWidget *parent = nullptr);

    // The encoded image; decoded off the GUI thread.
    void setImageData(const QByteArray &bytes);
    void showError(const QString &message);
    const QImage &image() const { return m_image; }

private:
    void setDecoded(const QImage &image);
    void applyZoom();
    void saveAs();

    QString m_name;
    QByteArray m_bytes;
    QImage m_image;
    double m_zoom = 1.0;
    bool m_fit = true;
    QScrollArea *m_scroll;
    QLabel *m_label;
    QLabel *m_status;
};

} // namespace gd

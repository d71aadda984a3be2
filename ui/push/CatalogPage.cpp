#include "push/CatalogPage.h"

#include "TimeText.h"
#include "push/PushService.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gd {
namespace {

enum Col {
    CId,
    CTitle,
    CPrice,
    CCoupon,
    CCategory,
    CTags,
    CAvailable,
    CUpdated,
    CLink,
    CImage,
    CCount
};

} // namespace

CatalogPage::CatalogPage(PushService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_table(new QTableWidget(this))
    , m_summary(new QLabel(this))
    , m_report(new QPlainTextEdit(this))
{
    auto *importButton = new QPushButton(tr("Import catalog…"), this);
    auto *statsButton = new QPushButton(tr("Import clicks and orders…"), this);
    auto *historyButton = new QPushButton(tr("History of the product…"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(importButton);
    buttons->addWidget(statsButton);
    buttons->addWidget(historyButton);
    buttons->addStretch();
    m_table->setColumnCount(CCount);
    m_table->setHorizontalHeaderLabels({tr("Id"), tr("Title"), tr("Price"), tr("Coupon price"),
                                        tr("Category"), tr("Tags"), tr("Available"), tr("Updated"),
                                        tr("Link"), tr("Picture")});
    m_table->horizontalHeader()->setSectionResizeMode(CTitle, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(tr("The report of the last import shows here."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_summary);
    bottomLayout->addWidget(m_report);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split);

    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import catalog"), QString(),
                                                          tr("Catalog files (*.csv *.json *.txt)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(statsButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import clicks and orders"),
                                                          QString(), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        m_service->call<CatalogImportReport>(
            this, [path](PushWorkspace &w) { return w.importStatsFile(path); },
            [this, path](const CatalogImportReport &r) {
                m_summary->setText(
                    r.fileError.isEmpty()
                        ? tr("%1: numbers for %n product(s) in groups, %2 bad row(s).", nullptr,
                             r.summary.changed)
                              .arg(QFileInfo(path).fileName())
                              .arg(r.errors.size())
                        : r.fileError);
                QStringList lines;
                for (const CatalogRowError &e : r.errors)
                    lines << CatalogParser::describe(e); // says what is wrong with the row
                m_report->setPlainText(lines.join(QLatin1Char('\n')));
            });
    });
    connect(historyButton, &QPushButton::clicked, this, &CatalogPage::showHistory);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_filling)
            saveRow(item->row());
    });
    reload();
}

void CatalogPage::reload()
{
    m_service->call<QVector<Product>>(
        this, [](PushWorkspace &w) { return w.products(); },
        [this](const QVector<Product> &products) {
            m_filling = true;
            m_table->setRowCount(int(products.size()));
            for (int r = 0; r < products.size(); ++r) {
                const Product &p = products.at(r);
                auto set = [this, r](int c, const QString &text, bool editable = true) {
                    auto *item = new QTableWidgetItem(text);
                    if (!editable)
                        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
                    m_table->setItem(r, c, item);
                };
                set(CId, p.id, false);
                set(CTitle, p.title);
                set(CPrice, Product::formatCents(p.priceCents));
                set(CCoupon, p.couponCents >= 0 ? Product::formatCents(p.couponCents) : QString());
                set(CCategory, p.category);
                set(CTags, p.tags.join(QLatin1Char(';')));
                set(CAvailable, p.available ? tr("yes") : tr("no"));
                set(CUpdated, p.updatedMs > 0 ? TimeText::dateTime(p.updatedMs) : QString(), false);
                m_table->item(r, CUpdated)->setData(Qt::UserRole, p.updatedMs);
                set(CLink, p.link);
                set(CImage, p.image);
            }
            m_table->resizeColumnsToContents();
            m_filling = false;
        });
}

void CatalogPage::importFile(const QString &path)
{
    m_summary->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    m_service->call<CatalogImportReport>(
        this, [path](PushWorkspace &w) { return w.importCatalogFile(path); },
        [this, path](const CatalogImportReport &report) {
            showReport(QFileInfo(path).fileName(), report);
            reload();
            emit catalogChanged();
        });
}

QString CatalogPage::reportText() const
{
    return m_summary->text() + QLatin1Char('\n') + m_report->toPlainText();
}

void CatalogPage::showReport(const QString &fileName, const CatalogImportReport &r)
{
    if (!r.fileError.isEmpty()) {
        m_summary->setText(tr("%1 was not imported: %2").arg(fileName, r.fileError));
        m_report->clear();
        return;
    }
    m_summary->setText(tr("%1 (%2): %3 added, %4 changed, %5 unchanged, %6 bad row(s) skipped.")
                           .arg(fileName, r.encoding)
                           .arg(r.summary.added)
                           .arg(r.summary.changed)
                           .arg(r.summary.unchanged)
                           .arg(r.errors.size()));
    QStringList lines;
    for (const CatalogRowError &e : r.errors)
        lines << CatalogParser::describe(e);
    m_report->setPlainText(lines.join(QLatin1Char('\n')));
}

void CatalogPage::saveRow(int row)
{
    auto text = [this, row](int c) {
        const QTableWidgetItem *item = m_table->item(row, c);
        return item ? item->text().trimmed() : QString();
    };
    Product p;
    p.id = text(CId);
    p.title = text(CTitle);
    p.category = text(CCategory);
    p.tags = CatalogParser::splitTags(text(CTags));
    p.link = text(CLink);
    p.image = text(CImage);
    p.updatedMs = m_table->item(row, CUpdated)
        ? m_table->item(row, CUpdated)->data(Qt::UserRole).toLongLong()
        : 0;
    QString problem;
    if (!CatalogParser::parsePrice(text(CPrice), &p.priceCents))
        problem = tr("\"%1\" is not a price.").arg(text(CPrice));
    p.couponCents = -1;
    if (problem.isEmpty() && !text(CCoupon).isEmpty()
        && !CatalogParser::parsePrice(text(CCoupon), &p.couponCents))
        problem = tr("\"%1\" is not a price.").arg(text(CCoupon));
    const QString avail = text(CAvailable);
    if (problem.isEmpty() && avail != tr("yes") && avail != tr("no")
        && !CatalogParser::parseAvailable(avail, &p.available))
        problem = tr("Available: write yes or no.");
    if (avail == tr("yes"))
        p.available = true;
    else if (avail == tr("no"))
        p.available = false;
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Product not saved"), problem);
        reload();
        return;
    }
    m_service->call<QString>(
        this,
        [p](PushWorkspace &w) {
            QString error;
            w.saveProduct(p, &error);
            return error;
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                QMessageBox::warning(this, tr("Product not saved"), error);
            reload();
            emit catalogChanged();
        });
}

void CatalogPage::showHistory()
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_table->item(row, CId))
        return;
    const QString id = m_table->item(row, CId)->text();
    m_service->call<QVector<ProductHistoryEntry>>(
        this, [id](PushWorkspace &w) { return w.productHistory(id); },
        [this, id](const QVector<ProductHistoryEntry> &history) {
            QStringList lines;
            for (const ProductHistoryEntry &h : history) {
                const QJsonObject changes
                    = QJsonDocument::fromJson(h.changesJson.toUtf8()).object();
                QStringList parts;
                for (auto it = changes.begin(); it != changes.end(); ++it) {
                    const QJsonArray pair = it.value().toArray();
                    parts << tr("%1: %2 → %3")
                                 .arg(it.key(), pair.at(0).toVariant().toString(),
                                      pair.at(1).toVariant().toString());
                }
                const QString source = h.source == QLatin1String("edit") ? tr("edited")
                    : h.source == QLatin1String("delete")
                    ? tr("deleted")
                    : tr("imported from %1").arg(h.source.mid(7));
                lines << tr("%1, %2: %3")
                             .arg(TimeText::dateTime(h.atMs), source,
                                  parts.join(QStringLiteral("; ")));
            }
            m_summary->setText(tr("History of %1").arg(id));
            m_report->setPlainText(lines.join(QLatin1Char('\n')));
        });
}

} // namespace gd

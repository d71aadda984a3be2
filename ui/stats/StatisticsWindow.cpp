#include "stats/StatisticsWindow.h"

#include "stats/HeatmapWidget.h"
#include "stats/ReportSettingsDialog.h"
#include "stats/StatsCsv.h"
#include "stats/StatsService.h"
#include "store/Store.h"
#include "store/StoreReader.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QInputDialog>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace gd {

struct StatisticsWindow::ScopeChoices
{
    QVector<AccountInfo> accounts;
    QVector<Room> rooms;
    QStringList tags;
};

namespace {

constexpr int kChartWords = 20; // words in the bar chart (the list has more)
constexpr int kListWords = 200;

QString durationText(qint64 ms)
{
    if (ms < 0)
        return StatisticsWindow::tr("–");
    if (ms < 60'000)
        return StatisticsWindow::tr("%1 s").arg(ms / 1000);
    if (ms < 3'600'000)
        return StatisticsWindow::tr("%1 min").arg(
            QLocale().toString(double(ms) / 60'000.0, 'f', 1));
    return StatisticsWindow::tr("%1 h %2 min").arg(ms / 3'600'000).arg((ms % 3'600'000) / 60'000);
}

// "+12%" against the previous period; empty when there is nothing to compare.
QString changeText(qint64 current, qint64 previous)
{
    if (previous <= 0)
        return current > 0 ? StatisticsWindow::tr("new") : QString();
    const double change = (double(current) - double(previous)) * 100.0 / double(previous);
    return StatisticsWindow::tr("%1% vs %2")
        .arg((change >= 0 ? QStringLiteral("+") : QString()) + QLocale().toString(change, 'f', 0),
             QLocale().toString(previous));
}

QTableWidget *makeTable(const QStringList &header, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(header.size()), parent);
    t->setHorizontalHeaderLabels(header);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells[c]);
        if (c > 0 && !cells[c].isEmpty()
            && (cells[c][0].isDigit() || cells[c][0] == QLatin1Char('-')))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        t->setItem(row, c, item);
    }
}

QChartView *makeChartView(QWidget *parent)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

} // namespace

StatisticsWindow::StatisticsWindow(Store *store, StatsService *service, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_store(store)
    , m_service(service)
    , m_choices(std::make_unique<ScopeChoices>())
{
    setWindowTitle(tr("Statistics"));
    setObjectName(QStringLiteral("statisticsWindow"));
    resize(1100, 780);

    m_scopeKind = new QComboBox(this);
    m_scopeKind->addItem(tr("All groups"), int(StatsScope::Kind::All));
    m_scopeKind->addItem(tr("One group"), int(StatsScope::Kind::Group));
    m_scopeKind->addItem(tr("Groups with tag"), int(StatsScope::Kind::Tag));
    m_scopeKind->addItem(tr("One account"), int(StatsScope::Kind::Account));
    m_scopeValue = new QComboBox(this);
    m_scopeValue->setMinimumContentsLength(16);
    m_scopeValue->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scopeValue->setEnabled(false);
    m_preset = new QComboBox(this);
    m_preset->addItem(tr("Last 7 days"), 7);
    m_preset->addItem(tr("Last 30 days"), 30);
    m_preset->addItem(tr("Last 90 days"), 90);
    m_preset->addItem(tr("Custom"), 0);
    m_preset->setCurrentIndex(1);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_to->setDate(QDate::currentDate());
    m_from->setDate(QDate::currentDate().addDays(-29));
    m_granularity = new QComboBox(this);
    m_granularity->setObjectName(QStringLiteral("granularity"));
    m_granularity->addItem(tr("Per hour"), int(VolumeGranularity::Hour));
    m_granularity->addItem(tr("Per day"), int(VolumeGranularity::Day));
    m_granularity->addItem(tr("Per week"), int(VolumeGranularity::Week));
    m_granularity->setCurrentIndex(1);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Scope:"), this));
    bar->addWidget(m_scopeKind);
    bar->addWidget(m_scopeValue, 1);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Period:"), this));
    bar->addWidget(m_preset);
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(tr("to"), this));
    bar->addWidget(m_to);
    bar->addSpacing(12);
    bar->addWidget(m_refresh);
    auto *reports = new QPushButton(tr("Scheduled reports…"), this);
    connect(reports, &QPushButton::clicked, this, [this] {
        ReportSettingsDialog dialog(m_service, this);
        dialog.exec();
    });
    bar->addWidget(reports);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildVolumeTab(), tr("Volume"));
    m_tabs->addTab(buildHeatmapTab(), tr("Weekday × hour"));
    m_tabs->addTab(buildResponseTab(), tr("Response times"));
    m_tabs->addTab(buildWordsTab(), tr("Word frequency"));
    m_tabs->addTab(buildPeopleTab(), tr("Customers and groups"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(buildSummary());
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, this, &StatisticsWindow::refresh);
    connect(m_scopeKind, &QComboBox::currentIndexChanged, this, [this] {
        updateScopeValues();
        refresh();
    });
    connect(m_scopeValue, &QComboBox::activated, this, &StatisticsWindow::refresh);
    connect(m_preset, &QComboBox::activated, this, [this] {
        const int days = m_preset->currentData().toInt();
        if (days <= 0)
            return;
        const QSignalBlocker b1(m_from), b2(m_to);
        m_to->setDate(QDate::currentDate());
        m_from->setDate(QDate::currentDate().addDays(1 - days));
        refresh();
    });
    for (QDateEdit *e : {m_from, m_to}) {
        connect(e, &QDateEdit::dateChanged, this, [this] {
            m_preset->setCurrentIndex(m_preset->count() - 1); // custom
            refresh();
        });
    }
    connect(m_granularity, &QComboBox::currentIndexChanged, this, &StatisticsWindow::showVolume);

    loadScopeChoices();
    refresh();
}

StatisticsWindow::~StatisticsWindow()
{
    for (const auto &cancel : {m_figureCancel, m_wordCancel}) {
        if (cancel)
            cancel->store(true);
    }
}

QWidget *StatisticsWindow::buildSummary()
{
    auto *box = new QWidget(this);
    m_summaryGrid = new QGridLayout(box);
    m_summaryGrid->setContentsMargins(0, 4, 0, 4);
    const QStringList names = {
        tr("Customer messages"),
        tr("Staff messages"),
        tr("Active customers"),
        tr("Joins"),
        tr("Leaves"),
        tr("Alerts"),
        tr("Median first response"),
        tr("90% answered within"),
        tr("Answered in time"),
        tr("Answered late or waiting too long"),
        tr("Still waiting"),
        tr("Answered waits"),
    };
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.5);
    big.setBold(true);
    for (int i = 0; i < names.size(); ++i) {
        auto *title = new QLabel(names[i], box);
        auto *value = new QLabel(box);
        value->setFont(big);
        value->setTextFormat(Qt::PlainText);
        auto *change = new QLabel(box);
        change->setTextFormat(Qt::PlainText);
        change->setForegroundRole(QPalette::PlaceholderText);
        auto *cell = new QVBoxLayout;
        cell->setSpacing(0);
        cell->addWidget(title);
        cell->addWidget(value);
        cell->addWidget(change);
        m_summaryGrid->addLayout(cell, i / 6, i % 6);
        m_summaryValues.append(value);
        m_summaryValues.append(change);
    }
    return box;
}

QWidget *StatisticsWindow::exportRow(QWidget *chart, const std::function<QByteArray()> &csv,
                                     const QString &baseName)
{
    auto *row = new QWidget(this);
    auto *l = new QHBoxLayout(row);
    l->setContentsMargins(0, 0, 0, 0);
    l->addStretch(1);
    if (chart) {
        auto *png = new QPushButton(tr("Save chart as PNG…"), row);
        connect(png, &QPushButton::clicked, this,
                [this, chart, baseName] { savePng(chart, baseName); });
        l->addWidget(png);
    }
    auto *csvButton = new QPushButton(tr("Save data as CSV…"), row);
    connect(csvButton, &QPushButton::clicked, this,
            [this, csv, baseName] { saveCsv(csv(), baseName); });
    l->addWidget(csvButton);
    return row;
}

QWidget *StatisticsWindow::buildVolumeTab()
{
    auto *page = new QWidget(this);
    m_volumeChart = makeChartView(page);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Messages:"), page));
    top->addWidget(m_granularity);
    top->addStretch(1);
    auto *l = new QVBoxLayout(page);
    l->addLayout(top);
    l->addWidget(m_volumeChart, 1);
    l->addWidget(exportRow(
        m_volumeChart,
        [this] {
            return StatsCsv::volume(m_figures,
                                    VolumeGranularity(m_granularity->currentData().toInt()));
        },
        QStringLiteral("volume")));
    return page;
}

QWidget *StatisticsWindow::buildHeatmapTab()
{
    auto *page = new QWidget(this);
    m_heatmap = new HeatmapWidget(page);
    auto *l = new QVBoxLayout(page);
    auto *hint
        = new QLabel(tr("Messages of customers and staff by weekday and hour of the day."), page);
    l->addWidget(hint);
    l->addWidget(m_heatmap, 1);
    l->addWidget(exportRow(
        m_heatmap, [this] { return StatsCsv::heatmap(m_figures); }, QStringLiteral("heatmap")));
    return page;
}

QWidget *StatisticsWindow::buildResponseTab()
{
    auto *page = new QWidget(this);
    m_responseChart = makeChartView(page);
    m_responseText = new QLabel(page);
    m_responseText->setTextFormat(Qt::PlainText);
    m_responseText->setWordWrap(true);
    auto *l = new QVBoxLayout(page);
    l->addWidget(m_responseText);
    l->addWidget(m_responseChart, 1);
    l->addWidget(exportRow(
        m_responseChart, [this] { return StatsCsv::responses(m_figures); },
        QStringLiteral("response-times")));
    return page;
}

QWidget *StatisticsWindow::buildWordsTab()
{
    auto *page = new QWidget(this);
    m_countWords = new QPushButton(tr("Count words"), page);
    m_cancelWords = new QPushButton(tr("Cancel"), page);
    m_cancelWords->setEnabled(false);
    auto *productNames = new QPushButton(tr("Product names…"), page);
    productNames->setToolTip(tr("Names of products and brands to count as one word each"));
    m_wordProgress = new QProgressBar(page);
    m_wordProgress->setRange(0, 1);
    m_wordProgress->setValue(0);
    m_wordStatus = new QLabel(tr("What customers wrote in the period, most frequent words first. "
                                 "Click a word to search for it."),
                              page);
    m_wordStatus->setTextFormat(Qt::PlainText);
    m_wordStatus->setWordWrap(true);
    m_wordTable = makeTable({tr("Rank"), tr("Word"), tr("Count")}, page);
    m_wordTable->setObjectName(QStringLiteral("wordTable"));
    m_wordChart = makeChartView(page);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_countWords);
    controls->addWidget(m_cancelWords);
    controls->addWidget(m_wordProgress, 1);
    controls->addWidget(productNames);
    auto *split = new QHBoxLayout;
    split->addWidget(m_wordTable, 2);
    split->addWidget(m_wordChart, 3);
    auto *l = new QVBoxLayout(page);
    l->addLayout(controls);
    l->addWidget(m_wordStatus);
    l->addLayout(split, 1);
    l->addWidget(exportRow(
        m_wordChart, [this] { return StatsCsv::words(m_words.ranked); }, QStringLiteral("words")));
    connect(m_countWords, &QPushButton::clicked, this, &StatisticsWindow::countWords);
    connect(m_cancelWords, &QPushButton::clicked, this, &StatisticsWindow::cancelWords);
    connect(productNames, &QPushButton::clicked, this, &StatisticsWindow::editProductNames);
    connect(m_wordTable, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (const QTableWidgetItem *item = m_wordTable->item(row, 1))
            emit wordSearchRequested(item->text());
    });
    return page;
}

QWidget *StatisticsWindow::buildPeopleTab()
{
    auto *page = new QWidget(this);
    m_customers = makeTable({tr("Most active customers"), tr("Messages")}, page);
    m_groups = makeTable({tr("Quietest groups"), tr("Messages")}, page);
    m_alerts = makeTable({tr("Alert kind"), tr("This period"), tr("Previous period")}, page);
    auto *grid = new QGridLayout(page);
    grid->addWidget(m_customers, 0, 0);
    grid->addWidget(m_groups, 0, 1);
    grid->addWidget(m_alerts, 0, 2);
    grid->addWidget(exportRow(
                        nullptr, [this] { return StatsCsv::customers(m_figures); },
                        QStringLiteral("customers")),
                    1, 0);
    grid->addWidget(exportRow(
                        nullptr, [this] { return StatsCsv::groups(m_figures); },
                        QStringLiteral("quiet-groups")),
                    1, 1);
    grid->addWidget(
        exportRow(
            nullptr, [this] { return StatsCsv::alerts(m_figures); }, QStringLiteral("alerts")),
        1, 2);
    return page;
}

void StatisticsWindow::loadScopeChoices()
{
    m_store->read<ScopeChoices>(
        this,
        [](StoreReader &reader) {
            ScopeChoices c;
            c.accounts = reader.accounts();
            for (const AccountInfo &a : std::as_const(c.accounts))
                c.rooms += reader.rooms(a.id);
            c.tags = reader.allTags();
            return c;
        },
        [this](ScopeChoices c) {
            std::sort(c.rooms.begin(), c.rooms.end(),
                      [](const Room &a, const Room &b) { return a.topic < b.topic; });
            *m_choices = std::move(c);
            updateScopeValues();
        });
}

void StatisticsWindow::updateScopeValues()
{
    const auto kind = StatsScope::Kind(m_scopeKind->currentData().toInt());
    const QVariant previous = m_scopeValue->currentData();
    const QSignalBlocker blocker(m_scopeValue);
    m_scopeValue->clear();
    switch (kind) {
    case StatsScope::Kind::All:
        break;
    case StatsScope::Kind::Group:
        for (const Room &r : std::as_const(m_choices->rooms))
            m_scopeValue->addItem(r.topic.isEmpty() ? r.id : r.topic,
                                  QStringList{r.accountId, r.id});
        break;
    case StatsScope::Kind::Tag:
        for (const QString &t : std::as_const(m_choices->tags))
            m_scopeValue->addItem(t, QStringList{{}, {}, t});
        break;
    case StatsScope::Kind::Account:
        for (const AccountInfo &a : std::as_const(m_choices->accounts))
            m_scopeValue->addItem(a.displayName.isEmpty() ? a.id : a.displayName,
                                  QStringList{a.id});
        break;
    }
    const int keep = m_scopeValue->findData(previous);
    if (keep >= 0)
        m_scopeValue->setCurrentIndex(keep);
    m_scopeValue->setEnabled(kind != StatsScope::Kind::All && m_scopeValue->count() > 0);
}

void StatisticsWindow::setPeriod(QDate from, QDate to)
{
    const QSignalBlocker b1(m_from), b2(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    m_preset->setCurrentIndex(m_preset->count() - 1);
    refresh();
}

void StatisticsWindow::setScope(const StatsScope &scope)
{
    const QSignalBlocker blocker(m_scopeKind);
    m_scopeKind->setCurrentIndex(m_scopeKind->findData(int(scope.kind)));
    updateScopeValues();
    for (int i = 0; i < m_scopeValue->count(); ++i) {
        const QStringList v = m_scopeValue->itemData(i).toStringList();
        if ((scope.kind == StatsScope::Kind::Tag && v.value(2) == scope.tag)
            || (scope.kind != StatsScope::Kind::Tag && v.value(0) == scope.accountId
                && v.value(1) == scope.roomId))
            m_scopeValue->setCurrentIndex(i);
    }
    refresh();
}

StatsRequest StatisticsWindow::request() const
{
    StatsRequest r;
    r.from = m_from->date();
    r.to = std::max(m_from->date(), m_to->date());
    r.scope.kind = StatsScope::Kind(m_scopeKind->currentData().toInt());
    const QStringList v = m_scopeValue->currentData().toStringList();
    if (r.scope.kind != StatsScope::Kind::All && v.isEmpty())
        r.scope.kind = StatsScope::Kind::All; // nothing to choose from yet
    r.scope.accountId = v.value(0);
    r.scope.roomId = v.value(1);
    r.scope.tag = v.value(2);
    r.topCount = 15;
    return r;
}

void StatisticsWindow::refresh()
{
    if (m_figureCancel)
        m_figureCancel->store(true);
    const quint64 generation = ++m_generation;
    m_computing = true;
    m_status->setText(tr("Computing…"));
    m_figureCancel = m_service->computeFigures(
        request(), this, [this, generation](StatsFigures f, const QString &error) {
            if (generation != m_generation)
                return; // a newer request is on its way
            m_computing = false;
            if (!error.isEmpty()) {
                m_status->setText(tr("The figures could not be computed. Details are in the log."));
                qWarning("statistics: %s", qPrintable(error));
                return;
            }
            m_figures = std::move(f);
            showFigures();
        });
    // Word counts belong to a period and scope: an older list would mislead.
    cancelWords();
    m_words = {};
    showWords();
}

void StatisticsWindow::showFigures()
{
    const PeriodFigures &c = m_figures.current, &p = m_figures.previous;
    qint64 alerts = 0, prevAlerts = 0;
    for (qint64 n : c.alertsByKind)
        alerts += n;
    for (qint64 n : p.alertsByKind)
        prevAlerts += n;
    const QLocale locale;
    const QList<std::pair<QString, QString>> cells = {
        {locale.toString(c.customerMessages), changeText(c.customerMessages, p.customerMessages)},
        {locale.toString(c.staffMessages), changeText(c.staffMessages, p.staffMessages)},
        {locale.toString(c.activeCustomers), changeText(c.activeCustomers, p.activeCustomers)},
        {locale.toString(c.joins), changeText(c.joins, p.joins)},
        {locale.toString(c.leaves), changeText(c.leaves, p.leaves)},
        {locale.toString(alerts), changeText(alerts, prevAlerts)},
        {durationText(c.medianResponseMs), tr("previous %1").arg(durationText(p.medianResponseMs))},
        {durationText(c.p90ResponseMs), tr("previous %1").arg(durationText(p.p90ResponseMs))},
        {locale.toString(c.targetMet), changeText(c.targetMet, p.targetMet)},
        {locale.toString(c.targetMissed), changeText(c.targetMissed, p.targetMissed)},
        {locale.toString(c.unanswered), changeText(c.unanswered, p.unanswered)},
        {locale.toString(c.responses), changeText(c.responses, p.responses)},
    };
    for (int i = 0; i < cells.size(); ++i) {
        m_summaryValues[2 * i]->setText(cells[i].first);
        m_summaryValues[2 * i + 1]->setText(cells[i].second);
    }

    showVolume();
    m_heatmap->setGrid(m_figures.heatmap);

    // Response times: buckets this period and the one before.
    QChart *chart = m_responseChart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *series = new QBarSeries;
    auto *now = new QBarSet(tr("This period"));
    auto *before = new QBarSet(tr("Previous period"));
    QStringList categories;
    qint64 peak = 1;
    for (int b = 0; b < kResponseBuckets; ++b) {
        *now << double(c.responseBuckets[b]);
        *before << double(p.responseBuckets[b]);
        categories << StatsCsv::bucketName(b);
        peak = std::max({peak, c.responseBuckets[b], p.responseBuckets[b]});
    }
    series->append(now);
    series->append(before);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    auto *y = new QValueAxis;
    y->setRange(0, double(peak) * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->setTitle(tr("First-response times (business hours where a rule sets them)"));
    m_responseText->setText(
        tr("%1 waits answered, median %2, 90% within %3. Response targets: %4 met, %5 missed; "
           "%6 customers still waiting.")
            .arg(locale.toString(c.responses), durationText(c.medianResponseMs),
                 durationText(c.p90ResponseMs), locale.toString(c.targetMet),
                 locale.toString(c.targetMissed), locale.toString(c.unanswered)));

    auto fill = [](QTableWidget *t, const QList<QStringList> &rows) {
        t->setRowCount(int(rows.size()));
        for (int i = 0; i < rows.size(); ++i)
            setRow(t, i, rows[i]);
        t->resizeColumnsToContents();
    };
    QList<QStringList> rows;
    for (const CustomerActivity &a : std::as_const(m_figures.topCustomers))
        rows.append({a.name.isEmpty() ? a.customerId : a.name, locale.toString(a.messages)});
    fill(m_customers, rows);
    rows.clear();
    for (const GroupActivity &g : std::as_const(m_figures.quietestGroups))
        rows.append({g.topic.isEmpty() ? g.roomId : g.topic, locale.toString(g.messages)});
    fill(m_groups, rows);
    rows.clear();
    QList<int> kinds = c.alertsByKind.keys();
    for (int k : p.alertsByKind.keys()) {
        if (!kinds.contains(k))
            kinds.append(k);
    }
    std::sort(kinds.begin(), kinds.end());
    for (int k : kinds)
        rows.append({StatsCsv::alertKindName(k), locale.toString(c.alertsByKind.value(k)),
                     locale.toString(p.alertsByKind.value(k))});
    fill(m_alerts, rows);

    m_status->setText(tr("%1 to %2, compared with the %3 days before. Computed in %4 ms.")
                          .arg(locale.toString(m_figures.request.from, QLocale::ShortFormat),
                               locale.toString(m_figures.request.to, QLocale::ShortFormat))
                          .arg(m_figures.request.from.daysTo(m_figures.request.to) + 1)
                          .arg(m_figures.elapsedMs));
    emit figuresShown();
}

void StatisticsWindow::showVolume()
{
    QChart *chart = m_volumeChart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    const auto granularity = VolumeGranularity(m_granularity->currentData().toInt());
    auto *customers = new QLineSeries;
    customers->setName(tr("Customers"));
    auto *staff = new QLineSeries;
    staff->setName(tr("Staff"));
    qint64 peak = 1;
    const QVector<VolumeBin> bins = binVolume(m_figures.hourly, granularity);
    for (const VolumeBin &b : bins) {
        customers->append(double(b.startMs), double(b.customer));
        staff->append(double(b.startMs), double(b.staff));
        peak = std::max({peak, b.customer, b.staff});
    }
    chart->addSeries(customers);
    chart->addSeries(staff);
    auto *x = new QDateTimeAxis;
    x->setFormat(granularity == VolumeGranularity::Hour ? QStringLiteral("MM-dd HH:mm")
                                                        : QStringLiteral("MM-dd"));
    x->setTickCount(std::clamp(int(bins.size()), 2, 10));
    if (!bins.isEmpty())
        x->setRange(QDateTime::fromMSecsSinceEpoch(bins.first().startMs),
                    QDateTime::fromMSecsSinceEpoch(
                        std::max(bins.last().startMs, bins.first().startMs + 1)));
    auto *y = new QValueAxis;
    y->setRange(0, double(peak) * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {customers, staff}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->setTitle(tr("Messages of customers and staff"));
}

void StatisticsWindow::countWords()
{
    cancelWords();
    m_countWords->setEnabled(false);
    m_cancelWords->setEnabled(true);
    m_wordProgress->setRange(0, 0); // busy until the total is known
    m_wordStatus->setText(tr("Counting words…"));
    const quint64 generation = m_generation;
    // A count cancelled just as it finished still delivers its list: only
    // the latest count's answer is shown.
    const LatestRequest::Ticket ticket = m_wordRequests.next();
    m_wordCancel = m_service->countWords(
        request(), kListWords, this,
        [this, generation, ticket](qint64 done, qint64 total) {
            if (generation != m_generation || !m_wordRequests.isLatest(ticket))
                return;
            m_wordProgress->setRange(0, int(std::max<qint64>(1, total)));
            m_wordProgress->setValue(int(done));
        },
        [this, generation, ticket](WordFrequencyResult r, const QString &error) {
            if (generation != m_generation || !m_wordRequests.isLatest(ticket))
                return;
            m_wordCancel.reset();
            m_countWords->setEnabled(true);
            m_cancelWords->setEnabled(false);
            m_wordProgress->setRange(0, 1);
            m_wordProgress->setValue(r.cancelled ? 0 : 1);
            if (!error.isEmpty()) {
                m_wordStatus->setText(tr("Words could not be counted: %1").arg(error));
                return;
            }
            if (r.cancelled) {
                m_wordStatus->setText(tr("Counting was cancelled."));
                return;
            }
            m_words = std::move(r);
            showWords();
            m_wordStatus->setText(
                tr("%1 customer messages, %2 words counted. Click a word to "
                   "search for it.")
                    .arg(QLocale().toString(m_words.messages), QLocale().toString(m_words.tokens)));
            emit wordsShown();
        });
}

void StatisticsWindow::editProductNames()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Product names"),
        tr("One product or brand name per line. Word counts keep each of them whole instead of "
           "splitting it into shorter words."),
        m_service->userWords().join(QLatin1Char('\n')), &ok);
    if (!ok)
        return;
    QStringList names;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            names.append(line.trimmed());
    }
    setProductNames(names);
}

void StatisticsWindow::setProductNames(const QStringList &names)
{
    m_service->setUserWords(names);
    QSettings().setValue(QLatin1String(StatsService::kUserWordsSetting), names);
    m_wordStatus->setText(
        tr("%n product name(s) will be kept whole from the next count.", nullptr, names.size()));
}

void StatisticsWindow::cancelWords()
{
    if (!m_wordCancel)
        return;
    m_wordRequests.supersede();
    m_wordCancel->store(true);
    m_wordCancel.reset();
    m_countWords->setEnabled(true);
    m_cancelWords->setEnabled(false);
    m_wordProgress->setRange(0, 1);
    m_wordProgress->setValue(0);
    m_wordStatus->setText(tr("Counting was cancelled."));
}

void StatisticsWindow::showWords()
{
    const QLocale locale;
    m_wordTable->setRowCount(int(m_words.ranked.size()));
    for (int i = 0; i < m_words.ranked.size(); ++i)
        setRow(m_wordTable, i,
               {QString::number(i + 1), m_words.ranked[i].word,
                locale.toString(m_words.ranked[i].count)});
    m_wordTable->resizeColumnsToContents();

    QChart *chart = m_wordChart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    if (m_words.ranked.isEmpty())
        return;
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(tr("Count"));
    QStringList words;
    const int n = int(std::min<qsizetype>(kChartWords, m_words.ranked.size()));
    // Bottom to top, so the most frequent word is the top bar.
    for (int i = n - 1; i >= 0; --i) {
        *set << double(m_words.ranked[i].count);
        words << m_words.ranked[i].word;
    }
    series->append(set);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(words);
    y->setTruncateLabels(false); // short words, whole (elided to "…" otherwise)
    auto *x = new QValueAxis;
    x->setRange(0, double(m_words.ranked.first().count) * 1.1);
    x->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    chart->setTitle(tr("Most frequent words"));
    connect(set, &QBarSet::clicked, this, [this, words](int index) {
        if (index >= 0 && index < words.size())
            emit wordSearchRequested(words[index]);
    });
}

void StatisticsWindow::savePng(QWidget *chart, const QString &baseName)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save chart"), dir + QLatin1Char('/') + baseName + QStringLiteral(".png"),
        tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!chart->grab().save(path, "PNG"))
        QMessageBox::warning(this, tr("Save chart"), tr("The image could not be saved."));
}

void StatisticsWindow::saveCsv(const QByteArray &csv, const QString &baseName)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save data"), dir + QLatin1Char('/') + baseName + QStringLiteral(".csv"),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("\xEF\xBB\xBF") < 0 || file.write(csv) < 0
        || !file.commit())
        QMessageBox::warning(this, tr("Save data"),
                             tr("The file could not be saved: %1").arg(file.errorString()));
}

} // namespace gd

#pragma once
#include "core/model/Model.h"
#include "core/session/Session.h"
#include "core/sim/Run.h"

#include <QCoreApplication>
#include <QSize>
#include <QStringList>

#include <memory>

namespace folkrnn::figures {

// What export-figures draws: a run (with signals), the model when known (the weight analyses
// need it; without it those views show only their axes), where the user was looking.
struct FigureJob {
    std::shared_ptr<const folkrnn::Run> run;
    std::shared_ptr<const folkrnn::Model> model;
    folkrnn::SessionSelection selection;
    QString outDir;
    QStringList formats; // png, svg, pdf, csv
    QSize size{720, 450}; // logical pixels (96 per inch)
    int dpi = 300;        // PNG resolution
};

// The application for a command that draws: a QApplication on the offscreen platform unless
// QT_QPA_PLATFORM chooses another, so that no display is needed.
std::unique_ptr<QCoreApplication> makeRenderingApplication(int &argc, char **argv);

// Every view of the inspector (the same set as its docks) into job.outDir, one file per view and
// format named after the view id ("logprob-heatmap.png"). Returns the files written; throws
// InputError naming the first file that could not be written. Needs makeRenderingApplication().
QStringList renderFigures(const FigureJob &job);

} // namespace folkrnn::figures

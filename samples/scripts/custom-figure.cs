#:project ../../src/Regviz.Plotting/Regviz.Plotting.csproj
// Using the published packages instead of this repository, the line above becomes:
//   #:package Regviz.Plotting@0.1.0

// A figure the command line does not make: the lasso optimum on the built-in data, drawn by regviz, then
// annotated with ScottPlot directly — an arrow from the least-squares fit to the optimum and a note of how far
// the data term rose. Run from any folder: dotnet run samples/scripts/custom-figure.cs
using Regviz.Core.Data;
using Regviz.Core.Penalties;
using Regviz.Core.Problems;
using Regviz.Core.Scenes;
using Regviz.Core.Solvers;
using Regviz.Plotting;
using ScottPlot;

var data = BuiltInDataset.Create();
var loss = QuadraticLoss.FromDataset(data, LossKind.Mse, intercept: false);
var penalty = new L1Penalty();

// the numbers first: the façade solves either form and certifies the answer
var lasso = Regularised.Solve(loss, penalty, Form.Penalised(0.5));
var leastSquares = Regularised.Solve(loss, penalty, Form.Penalised(0));
Console.WriteLine($"w* = ({lasso.Weights[0]:G6}, {lasso.Weights[1]:G6}) by {lasso.MethodDescription}; certified: {lasso.Certificate.Certified}");

// then the picture: the scene holds every number the figure draws, the renderer returns a ScottPlot Plot
var spec = new ProblemSpec(data, LossKind.Mse, intercept: false, penalty, Form.Penalised(0.5));
var scene = SceneBuilder.Contour(spec, new SceneOptions(Range: null, Grid: 400, Levels: 8, Path: true));
var style = new FigureStyle(900, 900, Theme.Light, "What the L1 penalty costs the fit");
Plot plot = ContourFigure.Render(scene, style);

// beyond the CLI: an arrow from the least-squares fit to the lasso optimum, and what the move cost
var from = new Coordinates(leastSquares.Weights[0], leastSquares.Weights[1]);
var to = new Coordinates(lasso.Weights[0], lasso.Weights[1]);
var arrow = plot.Add.Arrow(from, to);
arrow.ArrowFillColor = Colors.Purple;
arrow.ArrowLineColor = Colors.Purple;
arrow.ArrowWidth = 3;
// below the optimum, where the figure is empty: the loss contours and the ball crowd the space above it
var note = plot.Add.Text($"moving here raises D by {lasso.DataTerm - leastSquares.DataTerm:G3}\nand makes w₂ exactly 0", to.X, to.Y - 0.25);
note.LabelAlignment = Alignment.UpperRight;
note.LabelFontColor = Colors.Purple;
note.LabelFontSize = 18;
note.LabelFontName = FontRegistry.Family;
note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);

FigureExport.Save(plot, style, "custom-figure.png");
Console.WriteLine(Path.GetFullPath("custom-figure.png"));
